// The occupant report page's entry: bundled to dist/report.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-report-page.ts';
