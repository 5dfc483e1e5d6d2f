// The facility dashboard's entry: bundled to dist/dashboard.js and loaded by the shell in index.html.
import './ds-dashboard-page.ts';
