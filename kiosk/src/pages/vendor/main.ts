// The vendor's page: bundled to dist/vendor.js and loaded by the shell the build writes from page-shells.ts.
import '../../api/zod-without-eval.ts';
import './ds-vendor-page.ts';
