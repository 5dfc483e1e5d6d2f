// The sign page's entry: bundled to dist/sign.js and loaded by the shell in index.html.
import './ds-sign-page.ts';
