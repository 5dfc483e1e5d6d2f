import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

let gw: TestGateway;
const cookies: Record<string, string> = {};
const tenants = { lena: 'lena.brandt@nordlys.example', sigrid: 'sigrid.dahl@nordlys.example', mei: 'mei.lin@harbour.example', grace: 'grace.miller@harbour.example', pieter: 'pieter@tulp.example' };
const staff = ['ana', 'marco', 'rita', 'fiona', 'hanna', 'admin'] as const;
const everyone = ['tenant', 'tenant_admin', 'staff', 'supervisor', 'floor_manager', 'reception'];

const pdf = (words: string) => Buffer.from(`%PDF-1.4\n% ${words}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function upload(cookie: string, meta: unknown, bytes: Buffer | null, name = 'document.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.append('meta', typeof meta === 'string' ? meta : JSON.stringify(meta));
  if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${gw.http}/api/documents`, { method: 'POST', body: form, headers: { cookie } });
  return { status: res.status, body: await res.json() as any };
}

const open = (cookie: string, id: string) => fetch(`${gw.http}/api/documents/${id}/file`, { headers: { cookie } });

/** The documents of the matrix, by name, as uploaded. */
const docs: Record<string, { id: string; bytes: Buffer }> = {};
const plan: Record<string, { meta: Record<string, unknown>; by: string }> = {
  houseRules: { by: 'hanna', meta: { kind: 'house_rules', title: { en: 'House rules', nb: 'Husregler' }, place: { kind: 'building' }, readers: everyone } },
  firePlan1: { by: 'marco', meta: { kind: 'fire_plan', title: { en: 'Fire plan, floor 1' }, place: { kind: 'floor', floor: 1 }, readers: everyone } },
  nordlysLease: { by: 'hanna', meta: { kind: 'contract', title: { en: 'Lease, Nordlys AS' }, place: { kind: 'company', company: 'Nordlys AS' }, readers: ['tenant_admin'] } },
  harbourLease: { by: 'hanna', meta: { kind: 'contract', title: { en: 'Lease, Harbour Trading' }, place: { kind: 'company', company: 'Harbour Trading Ltd' }, readers: ['tenant', 'tenant_admin'] } },
  auditoriumCert: { by: 'hanna', meta: { kind: 'certificate', title: { zh: '礼堂检验证书' }, place: { kind: 'room', room: 'r301' }, readers: ['tenant', 'tenant_admin', 'staff'] } },
  liftCert2: { by: 'hanna', meta: { kind: 'certificate', title: { nl: 'Keuringsrapport lift, verdieping 2' }, place: { kind: 'floor', floor: 2 }, readers: ['supervisor', 'floor_manager'] } },
};

/** Who opens what: tenants by role and place, staff by role, those who keep documents everything. */
const expected: Record<string, string[]> = {
  lena: ['houseRules', 'nordlysLease'],
  sigrid: ['houseRules'],
  mei: ['houseRules', 'harbourLease', 'auditoriumCert'],
  grace: ['houseRules', 'harbourLease', 'auditoriumCert'],
  pieter: ['houseRules', 'firePlan1'],
  ana: ['houseRules', 'firePlan1', 'auditoriumCert'],
  rita: ['houseRules', 'firePlan1'],
  fiona: ['houseRules', 'firePlan1', 'liftCert2'],
  marco: Object.keys(plan),
  hanna: Object.keys(plan),
  admin: Object.keys(plan),
};
const companyOf: Record<string, string> = { lena: 'Nordlys AS', sigrid: 'Nordlys AS', mei: 'Harbour Trading Ltd', grace: 'Harbour Trading Ltd', pieter: 'Tulp Advies BV' };

beforeAll(async () => {
  gw = await startTestGateway({ demoInquiries: true });
  for (const [name, email] of Object.entries(tenants)) cookies[name] = await tenantSignIn(gw, email);
  for (const name of staff) cookies[name] = await gw.login(name);
  for (const [name, { by, meta }] of Object.entries(plan)) {
    const bytes = pdf(name);
    const res = await upload(cookies[by]!, meta, bytes, `${name}.pdf`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    docs[name] = { id: res.body.id, bytes };
  }
});
afterAll(async () => gw?.stop());

describe('who opens which document', () => {
  it('gives every role and tenant exactly the expected reads, by list and by download', async () => {
    const seen: Record<string, string[]> = {};
    const listed: Record<string, string[]> = {};
    const nameOf = (id: string) => Object.entries(docs).find(([, d]) => d.id === id)?.[0] ?? id;

    for (const who of Object.keys(expected)) {
      seen[who] = [];
      for (const [name, { id, bytes }] of Object.entries(docs)) {
        const res = await open(cookies[who]!, id);
        if (res.status === 200) {
          expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
          seen[who].push(name);
        } else {
          expect(res.status).toBe(404);
        }
      }
      const list = await gw.call('GET', '/api/documents', { cookie: cookies[who]! });
      listed[who] = (list.body.documents as { id: string }[]).map((d) => nameOf(d.id)).filter((n) => n in plan).sort();
    }

    for (const who of Object.keys(expected)) {
      expect(seen[who]!.sort(), who).toEqual([...expected[who]!].sort());
      expect(listed[who], who).toEqual([...expected[who]!].sort());
    }
  });

  it('lets no tenant open a document of another company', async () => {
    const companyDocs = Object.entries(plan).filter(([, p]) => (p.meta.place as { kind: string }).kind === 'company');
    let across = 0;

    for (const who of Object.keys(tenants)) {
      for (const [name, p] of companyDocs) {
        if ((p.meta.place as { company: string }).company === companyOf[who]) continue;
        if ((await open(cookies[who]!, docs[name]!.id)).status !== 404) across++;
      }
    }

    expect(across).toBe(0);
  });

  it('answers another company\'s document id exactly as one that does not exist', async () => {
    const other = await open(cookies.mei!, docs.nordlysLease!.id);
    const none = await open(cookies.mei!, 'D-doesnotexist1');

    const [a, b] = [await other.json() as { error: string; message: string }, await none.json() as { error: string; message: string }];
    expect([other.status, none.status]).toEqual([404, 404]);
    expect(a.error).toBe(b.error);
    expect(a.message.replace(docs.nordlysLease!.id, 'X')).toBe(b.message.replace('D-doesnotexist1', 'X'));
  });

  it('keeps a withdrawn document from everyone but those who keep documents', async () => {
    const res = await upload(cookies.hanna!, plan.houseRules!.meta, pdf('old rules'));
    const withdrawn = await gw.call('POST', `/api/documents/${res.body.id}/withdraw`, { cookie: cookies.hanna! });
    const again = await gw.call('POST', `/api/documents/${res.body.id}/withdraw`, { cookie: cookies.hanna! });

    expect(withdrawn.body.status).toBe('withdrawn');
    expect(again.status).toBe(409);
    expect((await open(cookies.sigrid!, res.body.id)).status).toBe(404);
    expect((await open(cookies.hanna!, res.body.id)).status).toBe(200);
  });
});

describe('uploads', () => {
  it('puts the file\'s SHA-256 into the upload\'s audit event', async () => {
    const audit = await gw.call('GET', `/api/audit?type=document-uploaded&limit=50`, { cookie: cookies.hanna! });

    const event = (audit.body.events as { entity: string; state: { file: { sha256: string } } }[]).find((e) => e.entity === `document:${docs.firePlan1!.id}`);
    expect(event?.state.file.sha256).toBe(sha256(docs.firePlan1!.bytes));
  });

  it('refuses a file swapped on disk at download, and the audit check names it', async () => {
    const res = await upload(cookies.hanna!, { ...plan.houseRules!.meta, title: { en: 'Parking rules' } }, pdf('parking'));
    expect((await open(cookies.sigrid!, res.body.id)).status).toBe(200);
    const before = await gw.call('GET', '/api/documents/verify', { cookie: cookies.hanna! });

    writeFileSync(join(gw.dir, 'library', `${res.body.file.id}.pdf`), pdf('parking, edited after upload'));
    const swapped = await open(cookies.sigrid!, res.body.id);
    const after = await gw.call('GET', '/api/documents/verify', { cookie: cookies.hanna! });

    expect(before.body.ok).toBe(true);
    expect(swapped.status).toBe(409);
    expect(((await swapped.json()) as { error: string }).error).toBe('DOCUMENT_ALTERED');
    expect(after.body).toMatchObject({ ok: false, failed: [{ id: res.body.id, ok: false, problem: 'changed', sha256: sha256(pdf('parking')) }] });
    expect(after.body.checked).toBeGreaterThan(6);
    writeFileSync(join(gw.dir, 'library', `${res.body.file.id}.pdf`), pdf('parking'));
  });

  it('refuses a disguised file, a missing file and bad meta, keeping nothing', async () => {
    const files = () => readdirSync(join(gw.dir, 'library')).length;
    const count = async () => (await gw.call('GET', '/api/documents', { cookie: cookies.hanna! })).body.documents.length;
    const [filesBefore, docsBefore] = [files(), await count()];

    const html = await upload(cookies.hanna!, plan.houseRules!.meta, Buffer.from('<html><script>alert(1)</script></html>'), 'rules.pdf');
    const exe = await upload(cookies.hanna!, plan.houseRules!.meta, Buffer.from('MZ\x90\x00 not a pdf'), 'rules.pdf');
    const none = await upload(cookies.hanna!, plan.houseRules!.meta, null);
    const badMeta = await upload(cookies.hanna!, { ...plan.houseRules!.meta, readers: ['vendor'] }, pdf('x'));
    const notJson = await upload(cookies.hanna!, '{kind:', pdf('x'));
    const noCompany = await upload(cookies.hanna!, { ...plan.nordlysLease!.meta, place: { kind: 'company', company: 'Nobody Ltd' } }, pdf('x'));
    const byStaff = await upload(cookies.ana!, plan.houseRules!.meta, pdf('x'));
    const byTenant = await upload(cookies.lena!, plan.houseRules!.meta, pdf('x'));

    expect([html.status, html.body.error]).toEqual([400, 'BAD_FILE']);
    expect([exe.status, exe.body.error]).toEqual([400, 'BAD_FILE']);
    expect([none.status, none.body.error]).toEqual([400, 'NO_FILE']);
    expect([badMeta.status, badMeta.body.error]).toEqual([400, 'INVALID']);
    expect([notJson.status, notJson.body.error]).toEqual([400, 'INVALID']);
    expect([noCompany.status, noCompany.body.error]).toEqual([400, 'UNKNOWN_TARGET']);
    expect(byStaff.status).toBe(403);
    expect(byTenant.status).toBe(403);
    expect(files()).toBe(filesBefore);
    expect(await count()).toBe(docsBefore);
  });
});

describe('the demo site', () => {
  it('has house rules for the building, a fire plan for floor 1, a lease for one company and an open survey', async () => {
    const listed = (await gw.call('GET', '/api/documents', { cookie: cookies.admin! })).body.documents as { id: string; place: { kind: string }; file: { name: string } }[];
    const surveys = (await gw.call('GET', '/api/surveys', { cookie: cookies.admin! })).body.surveys as { survey: { status: string } }[];
    const lease = listed.find((d) => d.file.name === 'Lease - Nordlys AS.pdf')!;

    expect(listed.map((d) => `${d.file.name}@${d.place.kind}`)).toEqual(expect.arrayContaining(['House rules.pdf@building', 'Fire plan - floor 1.pdf@floor', 'Lease - Nordlys AS.pdf@company']));
    expect(surveys.some((s) => s.survey.status === 'open')).toBe(true);
    expect((await open(cookies.lena!, lease.id)).status).toBe(200);
    expect((await open(cookies.sigrid!, lease.id)).status).toBe(404);
  });
});
