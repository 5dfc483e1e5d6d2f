// The tracking page's entry: bundled to dist/track.js and loaded by the shell in index.html.
import './ds-track-page.ts';
