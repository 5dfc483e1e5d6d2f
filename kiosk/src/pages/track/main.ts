// The tracking page's entry: bundled to dist/track.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-track-page.ts';
