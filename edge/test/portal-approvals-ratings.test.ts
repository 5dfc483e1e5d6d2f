import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { mailsTo, tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let lena: string;
let sigrid: string;
let mei: string;
let marco: string;

const requests = async (cookie: string) => (await gw.call('GET', '/api/portal/requests', { cookie })).body.requests as { id: string; title: string }[];
const fileRequest = async (cookie: string, room: string, category: string, title: string) => {
  const res = await gw.call('POST', '/api/portal/requests', { cookie, body: { room, category, title, description: `${title}, please` } });
  expect(res.status).toBe(201);
  return res.body.request.id as string;
};
const approvalsOf = async (cookie: string) => (await gw.call('GET', '/api/portal/approvals', { cookie })).body.approvals as { id: string; status: string; request: { id: string } }[];

beforeAll(async () => {
  gw = await startTestGateway({ demoInquiries: true, publicUrl: PUBLIC });
  [lena, sigrid, mei] = [await tenantSignIn(gw, 'lena.brandt@nordlys.example'), await tenantSignIn(gw, 'sigrid.dahl@nordlys.example'), await tenantSignIn(gw, 'mei.lin@harbour.example')];
  marco = await gw.login('marco');
});
afterAll(async () => gw?.stop());

describe('approvals asked of tenants', () => {
  it('asks for a quote above its limit, refuses one within it, and lets the company\'s administrator approve once', async () => {
    const door = (await requests(lena)).find((r) => r.title === 'Boardroom door does not lock')!;

    const within = await gw.call('POST', `/api/tickets/${door.id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 400, currency: 'NOK', limit: 500 } } });
    const asked = await gw.call('POST', `/api/tickets/${door.id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 4200, currency: 'NOK', limit: 500 }, note: 'New lock cylinder' } });
    const id = asked.body.id as string;
    const elsewhere = await gw.call('POST', `/api/portal/approvals/${id}/approve`, { cookie: mei, body: {} });
    const colleague = await gw.call('POST', `/api/portal/approvals/${id}/approve`, { cookie: sigrid, body: {} });
    const approved = await gw.call('POST', `/api/portal/approvals/${id}/approve`, { cookie: lena, body: { comment: 'Go ahead' } });
    const twice = await gw.call('POST', `/api/portal/approvals/${id}/decline`, { cookie: lena, body: {} });

    expect(within.status).toBe(400);
    expect(within.body.error).toBe('QUOTE_WITHIN_LIMIT');
    expect(asked.status).toBe(201);
    expect((await approvalsOf(mei)).map((a) => a.id)).not.toContain(id);
    expect(elsewhere.status).toBe(404);
    expect(colleague.status).toBe(404);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', comment: 'Go ahead', decidedBy: expect.stringMatching(/^person:P-/) });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('ALREADY_ANSWERED');
    expect((await gw.call('GET', `/api/portal/requests/${door.id}`, { cookie: lena })).body.approvals[0]).toMatchObject({ id, status: 'approved' });
  });

  it('lets a person decline a vendor\'s visit to their own request', async () => {
    const id = await fileRequest(sigrid, 'r205', 'maintenance', 'Blind stuck');
    const asked = await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: marco, body: { subject: { kind: 'access', vendor: 'Solskjerm AS', visitAt: '2026-12-08T08:00:00.000Z' } } });

    const pending = await approvalsOf(sigrid);
    const declined = await gw.call('POST', `/api/portal/approvals/${asked.body.id}/decline`, { cookie: sigrid, body: { comment: 'Not before 10' } });

    expect(pending[0]).toMatchObject({ id: asked.body.id, status: 'pending', request: { id } });
    expect(declined.body).toMatchObject({ status: 'declined', comment: 'Not before 10' });
  });

  it('keeps tenants from asking and staff from answering', async () => {
    const id = await fileRequest(sigrid, 'r205', 'maintenance', 'Socket loose');

    const byTenant = await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: lena, body: { subject: { kind: 'quote', amount: 900, currency: 'NOK', limit: 500 } } });
    const asked = await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 900, currency: 'NOK', limit: 500 } } });
    const byStaff = await gw.call('POST', `/api/portal/approvals/${asked.body.id}/approve`, { cookie: marco, body: {} });
    const bad = await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: -1, currency: 'nok', limit: 0 } } });

    expect(byTenant.status).toBe(403);
    expect(byStaff.status).toBe(403);
    expect(bad.status).toBe(400);
  });
});

describe('ratings that act', () => {
  async function finished(title: string) {
    const id = await fileRequest(sigrid, 'r202', 'cleaning', title);
    const [sofia, ana] = [await gw.login('sofia'), await gw.login('ana')];
    expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana })).status).toBe(200);
    const done = await mailsTo(gw, 'sigrid.dahl@nordlys.example', () => gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana }));
    return { id, mail: done.at(-1)! };
  }

  it('puts one rating link per score in the closing mail, on the public address, which answers nothing by itself', async () => {
    const { id, mail } = await finished('Bin overflowing');

    const links = [...(mail.text ?? '').matchAll(/https:\/\/doorside\.example\.org\/track\/([A-Za-z0-9_-]+)\?rate=(\d)/g)];
    const page = await fetch(`${gw.http}/track/${links[0]![1]}?rate=1`);

    expect(links.map((l) => l[2])).toEqual(['1', '2', '3', '4', '5']);
    expect(page.status).toBeLessThan(500);
    expect((await gw.call('GET', `/api/track/${links[0]![1]}`)).body).toMatchObject({ ticket: id, rating: null, mayRate: true, status: 'done' });
  });

  it('reopens the job through the category\'s rejection policy on a rating at or below 2, with the tenant rejecting and their comment as reason', async () => {
    const { id, mail } = await finished('Windows smeared');
    const token = mail.text!.match(/\/track\/([A-Za-z0-9_-]+)\?rate=1/)![1]!;

    const rated = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 2, comment: 'Still streaks on every pane' } });
    const twice = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 5 } });
    const ticket = (await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login('sofia') })).body;

    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ rating: { score: 2 }, mayRate: false });
    expect(ticket.status).toBe('rejected');
    expect(ticket.assignee).toBe('ana');
    expect(ticket.rejections.at(-1)).toMatchObject({ by: expect.stringMatching(/^person:P-/), reason: 'Still streaks on every pane', route: 'returned' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('ALREADY_RATED');
  });

  it('leaves a job closed on a good rating', async () => {
    const { id, mail } = await finished('Kitchen floor');
    const token = mail.text!.match(/\/track\/([A-Za-z0-9_-]+)\?rate=4/)![1]!;

    await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 3 } });

    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login('sofia') })).body.status).toBe('done');
  });
});
