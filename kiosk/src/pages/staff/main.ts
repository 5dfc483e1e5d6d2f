// The staff queue's entry: bundled to dist/staff.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-staff-page.ts';
