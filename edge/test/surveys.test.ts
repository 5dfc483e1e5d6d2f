import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

let gw: TestGateway;
let hanna: string;
let lena: string;
let sigrid: string;
let mei: string;
let pieter: string;

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
const survey = (extra: Record<string, unknown> = {}) => ({
  title: { en: 'How is the building?', nb: 'Hvordan er bygget?' },
  questions: [
    { id: 'clean', kind: 'scale', prompt: { en: 'How clean are the shared areas?', nb: 'Hvor rene er fellesarealene?' } },
    { id: 'lunch', kind: 'choice', prompt: { en: 'Where do you eat lunch?', nb: 'Hvor spiser du lunsj?' }, options: [{ en: 'Canteen', nb: 'Kantina' }, { en: 'At my desk', nb: 'Ved pulten' }, { en: 'Out', nb: 'Ute' }] },
    { id: 'wish', kind: 'text', prompt: { en: 'One wish?', nb: 'Ett ønske?' } },
  ],
  targets: [{ kind: 'company', company: 'Nordlys AS' }, { kind: 'floor', floor: 3 }],
  closesAt: inAWeek(),
  ...extra,
});
const answers = (clean: number, lunch: number, wish?: string) => ({
  answers: [{ question: 'clean', score: clean }, { question: 'lunch', choice: lunch }, ...(wish ? [{ question: 'wish', text: wish }] : [])],
});

beforeAll(async () => {
  gw = await startTestGateway({ demoInquiries: true });
  hanna = await gw.login('hanna');
  [lena, sigrid, mei, pieter] = [
    await tenantSignIn(gw, 'lena.brandt@nordlys.example'), await tenantSignIn(gw, 'sigrid.dahl@nordlys.example'),
    await tenantSignIn(gw, 'mei.lin@harbour.example'), await tenantSignIn(gw, 'pieter@tulp.example'),
  ];
});
afterAll(async () => gw?.stop());

describe('general surveys', () => {
  it('reaches the targeted tenants only, takes one answer each and shows the rate and results', async () => {
    const made = await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey() });
    const id = made.body.id as string;

    const forLena = (await gw.call('GET', '/api/portal/surveys', { cookie: lena })).body.surveys as { id: string; answered: boolean }[];
    const forPieter = (await gw.call('GET', '/api/portal/surveys', { cookie: pieter })).body.surveys as { id: string }[];
    const first = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: answers(4, 0, 'More plants =1+1') });
    const second = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: answers(1, 2) });
    await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: sigrid, body: answers(2, 0) });
    await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: mei, body: answers(5, 2, '安静一点') });
    const outsider = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: pieter, body: answers(3, 1) });
    const results = await gw.call('GET', `/api/surveys/${id}/results`, { cookie: hanna });
    const csv = await fetch(`${gw.http}/api/surveys/${id}/results.csv`, { headers: { cookie: hanna } });
    const text = await csv.text();

    expect(made.status).toBe(201);
    expect(forLena.find((s) => s.id === id)).toMatchObject({ answered: false });
    expect(forPieter.map((s) => s.id)).not.toContain(id);
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('ALREADY_ANSWERED');
    expect(outsider.status).toBe(404);
    expect((await gw.call('GET', '/api/portal/surveys', { cookie: lena })).body.surveys.find((s: { id: string }) => s.id === id).answered).toBe(true);
    // Nordlys: Lena and Sigrid (Ole has no address to sign in by); floor 3: Mei and Grace.
    expect(results.body).toMatchObject({ targeted: 4, responses: 3, rate: 0.75, survey: { status: 'open' } });
    expect(results.body.questions).toEqual([
      { question: 'clean', kind: 'scale', answered: 3, counts: [0, 1, 0, 1, 1], average: 3.67, texts: [] },
      { question: 'lunch', kind: 'choice', answered: 3, counts: [2, 0, 1], average: null, texts: [] },
      { question: 'wish', kind: 'text', answered: 2, counts: [], average: null, texts: ['安静一点', 'More plants =1+1'] },
    ]);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('answered_at,clean,lunch,wish');
    expect(lines.slice(1).map((l) => l.split(',').slice(1).join(','))).toEqual(['4,Canteen,More plants =1+1', '2,Canteen,', '5,Out,安静一点']);
    expect(text).not.toContain('person:');
  });

  it('refuses answers of the wrong shape and answers to a closed survey', async () => {
    const id = (await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey() })).body.id as string;

    const missing = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: { answers: [{ question: 'clean', score: 3 }] } });
    const wrongKind = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: { answers: [{ question: 'clean', text: 'fine' }, { question: 'lunch', choice: 0 }] } });
    const noOption = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: answers(3, 7) });
    const outOfScale = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: answers(6, 0) });
    const closed = await gw.call('POST', `/api/surveys/${id}/close`, { cookie: hanna });
    const late = await gw.call('POST', `/api/portal/surveys/${id}/answers`, { cookie: lena, body: answers(3, 0) });

    expect([missing.status, missing.body.error]).toEqual([400, 'BAD_ANSWER']);
    expect([wrongKind.status, wrongKind.body.error]).toEqual([400, 'BAD_ANSWER']);
    expect([noOption.status, noOption.body.error]).toEqual([400, 'BAD_ANSWER']);
    expect([outOfScale.status, outOfScale.body.error]).toEqual([400, 'INVALID']);
    expect(closed.body.closedAt).not.toBeNull();
    expect([late.status, late.body.error]).toEqual([409, 'SURVEY_NOT_OPEN']);
    expect((await gw.call('GET', `/api/surveys/${id}/results`, { cookie: hanna })).body.responses).toBe(0);
  });

  it('refuses a survey with repeated questions, missing translations or a window in the past, and keeps tenants and staff without the right out', async () => {
    const repeated = await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey({ questions: [survey().questions[0], survey().questions[0]] }) });
    const untranslated = await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey({ questions: [{ id: 'q', kind: 'text', prompt: { en: 'Only English' } }] }) });
    const past = await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey({ closesAt: '2020-01-01T00:00:00Z' }) });
    const noFloor = await gw.call('POST', '/api/surveys', { cookie: hanna, body: survey({ targets: [{ kind: 'floor', floor: 42 }] }) });
    const byTenant = await gw.call('POST', '/api/surveys', { cookie: lena, body: survey() });
    const byStaff = await gw.call('POST', '/api/surveys', { cookie: await gw.login('ana'), body: survey() });
    const staffAnswers = await gw.call('GET', '/api/portal/surveys', { cookie: hanna });

    expect([repeated.status, repeated.body.error]).toEqual([400, 'BAD_SURVEY']);
    expect([untranslated.status, untranslated.body.error]).toEqual([400, 'BAD_SURVEY']);
    expect([past.status, past.body.error]).toEqual([400, 'BAD_SURVEY']);
    expect([noFloor.status, noFloor.body.error]).toEqual([400, 'UNKNOWN_TARGET']);
    expect(byTenant.status).toBe(403);
    expect(byStaff.status).toBe(403);
    expect(staffAnswers.status).toBe(403);
  });
});
