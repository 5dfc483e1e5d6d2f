// The door panel's entry: bundled to dist/panel.js and loaded by the shell in index.html.
import './ds-panel-page.ts';
