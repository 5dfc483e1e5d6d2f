import { checkArchitecture, describeViolations } from './architecture.ts';

// `npm run check:architecture`: the same check as edge/test/architecture.test.ts, without vitest.
const violations = await checkArchitecture();
console.log(violations.length === 0 ? 'architecture: no violations' : describeViolations(violations));
process.exitCode = violations.length === 0 ? 0 : 1;
