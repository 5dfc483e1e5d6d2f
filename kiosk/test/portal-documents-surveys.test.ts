import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { tenantSignIn } from '../../edge/src/test-support/tenant-sign-in.ts';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { catalogs, type Lang } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };
const en = catalogs.en;

/** A phone signed in to the portal as the tenant, in the language asked for. */
async function portalAs(site: { browser: { newPage: (o: object) => Promise<Page> }; gw: TestGateway }, email: string, lang: Lang): Promise<Page> {
  const cookie = await tenantSignIn(site.gw, email);
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  const url = new URL(site.gw.http);
  await page.context().addCookies(cookie.split('; ').map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), domain: url.hostname, path: '/' };
  }));
  await page.goto(`${site.gw.http}/portal?lang=${lang}`);
  return page;
}

describe.skipIf(!hasChromium)('documents and surveys at the tenant portal', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite({ gateway: { demoInquiries: true } });
  afterEach(async () => { await page?.close(); });

  it('opens the documents meant for the tenant and answers the open survey once', async () => {
    page = await portalAs(site, 'lena.brandt@nordlys.example', 'en');
    const docs = page.locator('ds-portal-documents');
    const surveys = page.locator('ds-portal-surveys');

    await docs.getByRole('heading', { name: 'House rules' }).waitFor(seen);
    const titles = await docs.locator('li[data-document] h3').allTextContents();
    const href = await docs.locator('li[data-document]', { hasText: 'Lease, Nordlys AS' }).locator('a[data-open]').getAttribute('href');
    const opened = await page.evaluate(async (url) => { const r = await fetch(url); return { status: r.status, type: r.headers.get('content-type'), head: (await r.text()).slice(0, 5) }; }, href!);
    expect(titles.sort()).toEqual(['House rules', 'Lease, Nordlys AS']);
    expect(opened).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    const form = surveys.locator('form[data-survey-form]');
    await form.waitFor(seen);
    await form.locator('button[type=submit]').click();
    await surveys.locator('[data-outcome]', { hasText: en['tenantSurveys.missing'] }).waitFor(seen);
    await form.locator('fieldset[data-question=cleaning]').getByLabel('4', { exact: true }).check();
    await form.locator('fieldset[data-question=reach]').getByLabel('E-mail', { exact: true }).check();
    await form.getByLabel(en['tenantSurveys.optional'], { exact: false }).fill('A bike rack by the entrance');
    expect(await seriousViolations(page)).toEqual([]);
    await form.locator('button[type=submit]').click();
    await surveys.locator('[data-outcome]', { hasText: en['tenantSurveys.thanks'] }).waitFor(seen);

    await page.reload();
    await surveys.locator('[data-answered]', { hasText: en['tenantSurveys.answered'] }).waitFor(seen);
    const results = (await site.gw.call('GET', '/api/surveys', { cookie: await site.gw.login('hanna') })).body.surveys[0];
    expect(results.responses).toBe(1);
    expect(results.questions[2].texts).toEqual(['A bike rack by the entrance']);
    expect(await surveys.locator('form[data-survey-form]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows both sections in Chinese, Norwegian and Dutch', async () => {
    const tenants: [Lang, string, string][] = [['zh', 'mei.lin@harbour.example', '大楼守则'], ['nb', 'sigrid.dahl@nordlys.example', 'Husregler'], ['nl', 'pieter@tulp.example', 'Huisregels']];
    for (const [lang, email, rules] of tenants) {
      page = await portalAs(site, email, lang);
      const words = catalogs[lang];

      await page.locator('ds-portal-documents').getByRole('heading', { name: words['tenantDocs.title'] }).waitFor(seen);
      await page.locator('ds-portal-documents').getByRole('heading', { name: rules }).waitFor(seen);
      await page.locator('ds-portal-surveys').getByRole('heading', { name: words['tenantSurveys.title'] }).waitFor(seen);
      await page.locator('ds-portal-surveys').getByRole('button', { name: words['tenantSurveys.send'] }).waitFor(seen);
      await page.locator('ds-portal-documents li[data-document]').getByText(words['docs.kind.house_rules'], { exact: false }).first().waitFor(seen);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
