import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzApi, type OpenApiDoc } from '../reliability/openapi-fuzz.ts';
import { rolesAndHints } from '../reliability/openapi-roles.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

// A short run of the OpenAPI fuzz (`npm run fuzz` runs the long one): every operation the
// gateway documents, as every role, with generated valid and invalid params, queries and bodies.
let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

it('answers every generated request to every documented operation, as every role, below 500', async () => {
  const doc = (await gw.call('GET', '/api/openapi.json')).body as OpenApiDoc;
  const { roles, hints } = await rolesAndHints(gw.http, gw.creds);

  const result = await fuzzApi({ base: gw.http, doc, roles, hints, cases: 3, seed: Date.now() % 100_000 });

  expect(result.operations).toBeGreaterThanOrEqual(50);
  expect(Object.keys(roles).sort()).toEqual(['admin', 'bridge', 'none', 'occupant', 'panel', 'staff', 'supervisor', 'vendor']);
  expect(result.requests).toBe(result.operations * result.roles * 3);
  expect(result.failures).toEqual([]);
  expect(Object.keys(result.statuses).filter((s) => s.startsWith('2')).length).toBeGreaterThan(0);
  expect((await gw.call('GET', '/health')).status).toBe(200);
}, 180_000);
