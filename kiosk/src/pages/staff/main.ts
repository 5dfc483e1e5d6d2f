// The staff queue's entry: bundled to dist/staff.js and loaded by the shell in index.html.
import './ds-staff-page.ts';
