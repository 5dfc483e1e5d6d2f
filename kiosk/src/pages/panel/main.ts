// The door panel's entry: bundled to dist/panel.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-panel-page.ts';
