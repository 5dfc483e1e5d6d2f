import sharp from 'sharp';
import type { Page } from 'playwright-core';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { report } from './occupant-fixture.ts';

export interface SentOrder { id: string; url: string; contact: string; ticket: string; vendor: string }

/**
 * A vendor with one contact speaking `language`, and a work order sent to it by the facility
 * head from a maintenance report in r101 (or the ticket given), with instructions, a wanted-by
 * time and a cost limit; `withPhoto` attaches a photo to the ticket first.
 */
export async function sendWorkOrder(gw: TestGateway, options: { language: string; withPhoto?: boolean; ticket?: string; vendorName?: string }): Promise<SentOrder> {
  const hanna = await gw.login('hanna');
  const vendor = await gw.call('POST', '/api/vendors', { cookie: hanna, body: {
    name: options.vendorName ?? 'Nordlift AS', trade: 'lifts', email: 'service@nordlift.example', language: options.language,
    contacts: [{ name: 'Kari Nord', email: 'kari@nordlift.example', language: options.language }],
  } });
  if (vendor.status !== 201) throw new Error(`vendor: ${vendor.status} ${JSON.stringify(vendor.body)}`);
  const ticket = options.ticket ?? (await report(gw, 'r101', 'maintenance', 'The door closer is broken')).id;
  if (options.withPhoto) {
    const form = new FormData();
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a33' } }).jpeg().toBuffer();
    form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'door.jpg');
    const res = await fetch(`${gw.http}/api/tickets/${ticket}/attachments`, { method: 'POST', headers: { cookie: hanna }, body: form });
    if (res.status !== 201) throw new Error(`attachment: ${res.status}`);
  }
  const sent = await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: {
    vendor: vendor.body.id, instructions: 'Key at reception, ask for Rita', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    costLimit: { amount: 50_000, currency: 'EUR' }, shareReporterContact: false,
  } });
  if (sent.status !== 201) throw new Error(`work order: ${sent.status} ${JSON.stringify(sent.body)}`);
  const link = sent.body.links[0] as { contact: string; url: string };
  // The link is built from the public address; the test gateway answers on its own.
  const url = `${gw.http}${new URL(link.url).pathname}`;
  return { id: sent.body.workOrder.id, url, contact: link.contact, ticket, vendor: vendor.body.id };
}

/**
 * Opens a vendor's link as a phone does, once the gateway serves the page: another test run
 * on the same checkout may be rebuilding kiosk/dist at this moment.
 */
export async function openVendorLink(page: Page, url: string): Promise<void> {
  const asset = new URL('/assets/vendor.js', url).href;
  for (let waited = 0; waited < 15_000; waited += 200) {
    const script = await fetch(asset);
    await script.arrayBuffer();
    if (script.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.goto(url);
  await page.locator('ds-vendor-page h1').waitFor({ timeout: 10_000 });
}
