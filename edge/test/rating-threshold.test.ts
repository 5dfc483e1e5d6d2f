import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { mailsTo, tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

let gw: TestGateway;
let sigrid: string;
let sofia: string;
let hanna: string;

/** A tenant's cleaning request, done, and the tracking token its closing mail carries. */
async function finished(title: string): Promise<{ id: string; token: string }> {
  const res = await gw.call('POST', '/api/portal/requests', { cookie: sigrid, body: { room: 'r202', category: 'cleaning', title, description: `${title}, please` } });
  const id = res.body.request.id as string;
  const ana = await gw.login('ana');
  await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
  const mails = await mailsTo(gw, 'sigrid.dahl@nordlys.example', () => gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana }));
  return { id, token: mails.at(-1)!.text!.match(/\/track\/([A-Za-z0-9_-]+)\?rate=1/)![1]! };
}
const statusOf = async (id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: sofia })).body.status as string;

beforeAll(async () => {
  gw = await startTestGateway({ demoInquiries: true });
  sigrid = await tenantSignIn(gw, 'sigrid.dahl@nordlys.example');
  [sofia, hanna] = [await gw.login('sofia'), await gw.login('hanna')];
});
afterAll(async () => gw?.stop());

describe('the rating threshold per category', () => {
  it('reopens a job rated at the threshold staff set, and leaves one rated above it closed', async () => {
    const set = await gw.call('PUT', '/api/categories/cleaning/rating-threshold', { cookie: hanna, body: { threshold: 3 } });
    const [at, above] = [await finished('Desk dusty'), await finished('Glass door smudged')];

    await gw.call('POST', `/api/track/${at.token}/rating`, { body: { score: 3, comment: 'Half done' } });
    await gw.call('POST', `/api/track/${above.token}/rating`, { body: { score: 4 } });

    expect(set.status).toBe(200);
    expect(set.body.ratingThreshold).toBe(3);
    expect(await statusOf(at.id)).toBe('rejected');
    expect(await statusOf(above.id)).toBe('done');
  });

  it('never reopens a job when the threshold is 0', async () => {
    await gw.call('PUT', '/api/categories/cleaning/rating-threshold', { cookie: hanna, body: { threshold: 0 } });
    const job = await finished('Bins not emptied');

    await gw.call('POST', `/api/track/${job.token}/rating`, { body: { score: 1 } });

    expect(await statusOf(job.id)).toBe('done');
  });

  it('records the change in the audit log, and refuses a bad threshold, an unknown category and staff without the right', async () => {
    const bad = await gw.call('PUT', '/api/categories/cleaning/rating-threshold', { cookie: hanna, body: { threshold: 6 } });
    const unknown = await gw.call('PUT', '/api/categories/nothing-here/rating-threshold', { cookie: hanna, body: { threshold: 2 } });
    const byStaff = await gw.call('PUT', '/api/categories/cleaning/rating-threshold', { cookie: await gw.login('ana'), body: { threshold: 2 } });
    const audit = await gw.call('GET', '/api/audit?type=category-policy-changed', { cookie: hanna });

    expect(bad.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(byStaff.status).toBe(403);
    expect(audit.body.events[0].state).toMatchObject({ id: 'cleaning', ratingThreshold: 0 });
  });
});
