// The sign page's entry: bundled to dist/sign.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-sign-page.ts';
