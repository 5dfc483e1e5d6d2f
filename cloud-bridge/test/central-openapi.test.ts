import { describe, expect, it } from 'vitest';
import { fuzzApi, type OpenApiDoc } from '../../edge/reliability/openapi-fuzz.ts';
import { SitesAnswer } from '../src/central/office-contract.ts';
import { PendingCommands } from '../src/protocol.ts';
import { call, centralHarness, signIn } from './support/central-harness.ts';

const PASSWORD = 'a long enough password';
/** `/api/sites/:site` as OpenAPI writes it: `/api/sites/{site}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('the central server documents itself', () => {
  const harness = centralHarness('sqlite');

  it('serves an OpenAPI 3 document with every route it registers, and only those', async () => {
    const central = await harness.start();

    const res = await call(central, 'GET', '/api/openapi.json');
    const doc = res.body as OpenApiDoc & { openapi: string; components: { securitySchemes: Record<string, unknown> } };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const registered = central.routes.filter((r) => r.documented).map((r) => `${r.method} ${openApiPath(r.url)}`).sort();

    expect(res.status).toBe(200);
    expect(doc.openapi).toMatch(/^3\./);
    expect(documented).toEqual(registered);
    expect(documented).toMatchSnapshot();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['officeSession', 'siteKey']);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { description?: string; tags?: string[] }>)) {
        expect(op.description, `${method} ${path}`).toEqual(expect.any(String));
        expect(op.tags, `${method} ${path}`).toEqual([expect.stringMatching(/^(sync|office|payments|vendor link)$/)]);
      }
    }
    // Hidden from the document on purpose: the pages, their assets, health and metrics.
    expect(central.routes.filter((r) => !r.documented).map((r) => r.url)).toEqual(expect.arrayContaining(['/health', '/metrics', '/central', '/api/openapi.json', '/wo', '/wo/:token']));
  });

  it('answers with what the document says', async () => {
    const central = await harness.start();
    const { siteKey } = await central.addSite('demo', 'Demo building');
    await central.addUser('olga', PASSWORD, 'head_office');
    const cookie = await signIn(central, 'olga', PASSWORD);

    const sites = await call(central, 'GET', '/api/sites', { cookie });
    const pending = await call(central, 'GET', '/api/sites/demo/commands', { key: siteKey });

    expect(SitesAnswer.safeParse(sites.body).success).toBe(true);
    expect(PendingCommands.safeParse(pending.body).success).toBe(true);
  });

  it('answers generated good and bad requests to every documented operation, as every caller, below 500', async () => {
    const central = await harness.start();
    const { siteKey } = await central.addSite('demo', 'Demo building');
    await central.addUser('olga', PASSWORD, 'head_office');
    await central.addUser('mia', PASSWORD, 'site_manager', ['demo']);
    const doc = (await call(central, 'GET', '/api/openapi.json')).body as OpenApiDoc;
    const roles = {
      none: {},
      site: { headers: { authorization: `Bearer ${siteKey}` } },
      headOffice: { cookie: await signIn(central, 'olga', PASSWORD) },
      siteManager: { cookie: await signIn(central, 'mia', PASSWORD) },
    };

    const result = await fuzzApi({
      base: central.url, doc, roles, hints: { site: ['demo', 'north'], username: ['olga'], password: [PASSWORD] }, cases: 3, seed: Date.now() % 100_000,
      // Signing in and out would change the roles' own sessions under the run.
      skip: (operation) => operation === 'POST /api/auth/logout',
    });

    expect(result.operations).toBeGreaterThanOrEqual(15);
    expect(result.failures).toEqual([]);
    expect(Object.keys(result.statuses).filter((s) => s.startsWith('2')).length).toBeGreaterThan(0);
    expect((await call(central, 'GET', '/health')).status).toBe(200);
  }, 120_000);
});
