import type { Page } from 'playwright-core';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';

/**
 * Who signs in to the dashboard in these tests: the facility head. The demo's other facility
 * team member, eva, is a staff account, and staff do not hold the right to see the whole site.
 */
export const dashboardUser = 'hanna';

export async function signInTo(page: Page, gw: TestGateway, username: string): Promise<void> {
  await page.goto(`${gw.http}/dashboard`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === username)!.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** An occupant's report from the room's QR code; answers with the ticket id. */
export async function reportIn(gw: TestGateway, room: string, category: string, description: string): Promise<string> {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const res = await gw.call('POST', url.pathname + url.search, { body: { category, description } });
  if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.id as string;
}

/**
 * A maintenance job reported, assigned by marco to dirk, started, completed and rejected at
 * the room's door panel. The maintenance policy escalates it, opens an urgent follow-up and
 * sets the room to Do Not Use.
 */
export async function rejectedMaintenance(gw: TestGateway, room: string, reason: string): Promise<{ id: string; followUp: string }> {
  const id = await reportIn(gw, room, 'maintenance', 'Ceiling light flickers');
  const marco = await gw.login('marco');
  const dirk = await gw.login('dirk');
  const panel = await gw.panelLogin(room);
  const steps: [string, string, object][] = [[marco, 'assign', { assignee: 'dirk' }], [dirk, 'start', {}], [dirk, 'complete', {}], [panel, 'reject', { reason }]];
  let last: { status: number; body: any } | undefined;
  for (const [cookie, action, body] of steps) {
    last = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    if (last.status !== 200) throw new Error(`${action}: ${last.status} ${JSON.stringify(last.body)}`);
  }
  return { id, followUp: last!.body.triggered.followUp as string };
}

/** Opens one of the dashboard's sections from its navigation, as a person would, and waits for it. */
export async function openSection(page: Page, section: 'rooms' | 'tickets' | 'figures' | 'devices' | 'sync' | 'audit' | 'payments' | 'stock' | 'services' | 'orders' | 'documents' | 'surveys' | 'announcements'): Promise<void> {
  await page.locator(`nav.sections a[data-nav="${section}"]`).click();
  await page.locator(`[data-section="${section}"]`).waitFor({ timeout: 10_000 });
}
