import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('the simulated provider\'s pay page', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  const newPayment = async (order: string, amount: number) => {
    const res = await site.gw.call('POST', '/api/payments', { cookie: await site.gw.login('hanna'), body: { order, amount, currency: 'CNY', provider: 'simulated' } });
    return res.body as { payment: { id: string; tradeNo: string }; payUrl: string };
  };

  it('shows what is asked, pays with one click, and the ledger takes the payment', async () => {
    const { payment, payUrl } = await newPayment('O-501', 16_800);
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${payUrl}?lang=en&back=/track/abc`);
    await page.locator('ds-pay-page [data-amount]').getByText('CN¥168.00').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Pay CN¥168.00' }).click();

    await page.locator('ds-pay-page [data-paid]').waitFor(seen);
    expect(await page.locator('ds-pay-page [data-back]').getAttribute('href')).toBe('/track/abc');
    expect(await seriousViolations(page)).toEqual([]);
    const ledger = await site.gw.call('GET', `/api/payments/${payment.id}`, { cookie: await site.gw.login('hanna') });
    expect(ledger.body.payment).toMatchObject({ status: 'paid', received: 16_800 });
  });

  for (const [lang, amount] of [['zh', '¥25.50'], ['nb', '25,50 CNY'], ['nl', 'CN¥ 25,50']] as const) {
    it(`speaks ${lang}, with money written the ${lang} way, and stays axe-clean`, async () => {
      const { payUrl } = await newPayment(`O-6${lang}`, 2_550);
      page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });

      await page.goto(`${payUrl}?lang=${lang}`);

      await page.getByRole('heading', { name: catalogs[lang]['pay.title'] }).waitFor(seen);
      const shown = (await page.locator('ds-pay-page [data-amount]').textContent())!.replace(/\s/g, ' ');
      expect(shown).toBe(amount.replace(/\s/g, ' '));
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('says plainly when the address holds no payment, and a paid one cannot be paid again', async () => {
    const { payUrl, payment } = await newPayment('O-777', 100);
    await site.gw.call('POST', `/api/pay/${payment.tradeNo}`);
    page = await site.browser.newPage();

    await page.goto(`${site.gw.http}/pay/demo_P-99999?lang=en`);
    await page.locator('ds-pay-page [data-unknown]').waitFor(seen);
    await page.goto(`${payUrl}?lang=en`);

    await page.locator('ds-pay-page [data-paid]').waitFor(seen);
    expect(await page.locator('ds-pay-page [data-pay]').count()).toBe(0);
  });
});
