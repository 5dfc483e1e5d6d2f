// The tenant portal's entry: bundled to dist/portal.js and loaded by the shell the build writes from page-shells.ts.
// Its documents and surveys sections are elements of their own (`ds-portal-documents`, `ds-portal-surveys`):
// imported here, they are defined, and the page shows them.
import '../../api/zod-without-eval.ts';
import './portal-page.ts';
import './portal-documents.ts';
import './portal-surveys.ts';
