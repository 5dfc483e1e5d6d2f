import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Rig, startRig } from './support/sync-rig.ts';

describe('vendor links synced to the central server', () => {
  let rig: Rig;
  let hanna: string;
  let vendor: { id: string; contacts: { id: string }[] };

  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
  const digestOf = (url: string) => createHash('sha256').update(tokenOf(url)).digest('hex');

  beforeAll(async () => {
    rig = await startRig();
    rig.startAgent();
    hanna = await rig.gw.login('hanna');
    vendor = (await rig.gw.call('POST', '/api/vendors', {
      cookie: hanna, body: { name: 'Glassmester', trade: 'glazing', email: 'g@glass.example', contacts: [{ name: 'Desk', email: 'd@glass.example' }, { name: 'Field', email: 'f@glass.example' }] },
    })).body;
  });
  afterAll(async () => { await rig?.stop(); });

  it('knows each live link by its digest, for the site and order it opens, and never the token', async () => {
    const sent = (await rig.gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: 'Cracked pane' } })).body;

    await rig.inSync();

    expect(sent.links).toHaveLength(2);
    for (const link of sent.links) {
      expect(await rig.central!.vendorLink(digestOf(link.url))).toEqual({ digest: digestOf(link.url), site: 'demo', workOrder: sent.workOrder.id, contact: link.contact, revoked: false });
    }
    const shipped = await rig.central!.events('demo');
    for (const link of sent.links) expect(shipped.some((e) => e.state.includes(tokenOf(link.url)))).toBe(false);
  });

  it('marks a link revoked when the site takes it back, and knows the new one the site issued', async () => {
    const sent = (await rig.gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: 'Broken door glass' } })).body;
    const [desk, field] = sent.links;

    const renewed = await rig.gw.call('POST', `/api/work-orders/${sent.workOrder.id}/contacts/${desk.contact}/link`, { cookie: hanna });
    const revoked = await rig.gw.call('DELETE', `/api/work-orders/${sent.workOrder.id}/contacts/${field.contact}/link`, { cookie: hanna });
    await rig.inSync();

    expect([renewed.status, revoked.status]).toEqual([201, 200]);
    expect(await rig.central!.vendorLink(digestOf(desk.url))).toMatchObject({ revoked: true });
    expect(await rig.central!.vendorLink(digestOf(field.url))).toMatchObject({ revoked: true });
    expect(await rig.central!.vendorLink(digestOf(renewed.body.links[0].url))).toMatchObject({ workOrder: sent.workOrder.id, contact: desk.contact, revoked: false });
    expect(await rig.central!.vendorLink('b'.repeat(64))).toBeUndefined();
  });
});
