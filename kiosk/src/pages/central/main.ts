// The cross-site view's entry: bundled to dist/central.js and served by the central server at / and /central.
import '../../api/zod-without-eval.ts';
import './ds-central-page.ts';
