import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { finishedCleaning } from './panel-fixture.ts';

const seen = { timeout: 15_000 };
const zh = catalogs.zh;

describe.skipIf(!hasChromium)("a rejection's follow-up described in the reader's language", { timeout: 90_000 }, () => {

  const site = browserSite();

  it("shows the follow-up's description in Chinese on the staff page, with the supervisor's note as typed", async () => {
    const id = await finishedCleaning(site.gw, 'r101');
    const notes = 'Bin by the window still full (3rd time!)';
    const rejected = await site.gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await site.gw.panelLogin('r101'), body: { reason: 'Not cleaned', notes } });
    expect(rejected.status).toBe(200);
    const followUp = rejected.body.triggered.followUp as string;

    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.gw.http}/staff?lang=zh`);
    await page.getByLabel(zh['staff.username']).fill('ben');
    await page.getByLabel(zh['staff.password']).fill(site.gw.creds.users.find((u) => u.username === 'ben')!.password);
    await page.getByRole('button', { name: zh['staff.signIn'] }).click();

    const expected = `已驳回：未清洁。主管备注：${notes}`;
    await page.locator(`[data-list="pool"] [data-ticket="${followUp}"] [data-description]`).getByText(expected, { exact: true }).waitFor(seen);
    await page.close();
  });
});
