// The facility dashboard's entry: bundled to dist/dashboard.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-dashboard-page.ts';
