// The occupant report page's entry: bundled to dist/report.js and loaded by the shell in index.html.
import './ds-report-page.ts';
