// The simulated provider's pay page: bundled to dist/pay.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-pay-page.ts';
