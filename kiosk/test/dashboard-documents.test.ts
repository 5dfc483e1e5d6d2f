import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs, type Lang } from '../src/i18n/index.ts';
import { tenantSignIn } from '../../edge/src/test-support/tenant-sign-in.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const pdf = Buffer.from('%PDF-1.4\n% lift inspection\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe.skipIf(!hasChromium)('documents and surveys on the dashboard', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite({ gateway: { demoInquiries: true } });
  afterEach(async () => { await page?.close(); });

  it('lists the documents, uploads one for a floor with its readers, and checks the stored files', async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, 'hanna');

    await openSection(page, 'documents');
    const section = page.locator('ds-documents-section');
    await section.locator('tr[data-document]').first().waitFor(seen);
    const before = await section.locator('tr[data-document]').count();
    await section.locator('input[name=file]').setInputFiles({ name: 'lift.pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.locator('input[name=title]').fill('Lift inspection 2026');
    await section.locator('select[name=kind]').selectOption('certificate');
    await section.locator('select[name=placeKind]').selectOption('floor');
    await section.locator('input[name=floor]').fill('2');
    await section.locator('input[name=readers][value=staff]').check();
    await section.locator('form[data-upload] button[type=submit]').click();
    await section.locator('[data-notice]', { hasText: catalogs.en['docDash.uploaded'] }).waitFor(seen);
    await section.locator('[data-verify]').click();
    await section.locator('[data-verified]').waitFor(seen);

    expect(await section.locator('tr[data-document]').count()).toBe(before + 1);
    const row = section.locator('tr[data-document]', { hasText: 'Lift inspection 2026' });
    expect(await row.textContent()).toContain(catalogs.en['docs.place.floor'].replace('{floor}', '2'));
    expect(await row.textContent()).toContain(catalogs.en['docDash.role.staff']);
    expect(await section.locator('[data-verified]').textContent()).toBe(catalogs.en['docDash.verifyOk'].replace('{count}', String(before + 1)));
    const opened = await page.evaluate(async (href) => { const r = await fetch(href); return { status: r.status, type: r.headers.get('content-type') }; },
      (await row.locator('a[data-open]').getAttribute('href'))!);
    expect(opened).toEqual({ status: 200, type: 'application/pdf' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a survey\'s response rate, per-question results and a CSV link', async () => {
    const { gw } = site;
    const admin = await gw.login('admin');
    const survey = (await gw.call('GET', '/api/surveys', { cookie: admin })).body.surveys[0].survey as { id: string };
    for (const email of ['lena.brandt@nordlys.example', 'mei.lin@harbour.example']) {
      const cookie = await tenantSignIn(gw, email);
      const res = await gw.call('POST', `/api/portal/surveys/${survey.id}/answers`, { cookie, body: { answers: [{ question: 'cleaning', score: email.startsWith('lena') ? 4 : 2 }, { question: 'reach', choice: 0 }] } });
      expect(res.status).toBe(201);
    }
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');

    await openSection(page, 'surveys');
    const card = page.locator(`ds-survey-results article[data-survey="${survey.id}"]`);
    await card.waitFor(seen);

    expect(await card.locator('[data-rate]').textContent()).toMatch(/^Response rate: 2 of \d+ \(\d+%\)$/);
    expect(await card.locator('[data-question=cleaning] [data-average]').textContent()).toBe(catalogs.en['surveyDash.average'].replace('{value}', '3'));
    const csv = await page.evaluate(async (href) => { const r = await fetch(href); return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }; },
      (await card.locator('a[data-csv]').getAttribute('href'))!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text).toContain('answered_at,cleaning,reach,wish');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('makes a survey from the dashboard in all four languages, with a scale and a choice question, for one floor', async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, 'hanna');
    await openSection(page, 'surveys');
    const form = page.locator('ds-survey-form form[data-survey-create]');
    const words = {
      title: { en: 'Kitchen on floor 3', zh: '三楼厨房', nb: 'Kjøkkenet i 3. etasje', nl: 'Keuken op de derde' },
      scale: { en: 'How clean is the kitchen?', zh: '厨房干净吗？', nb: 'Hvor rent er kjøkkenet?', nl: 'Hoe schoon is de keuken?' },
      choice: { en: 'When do you use it?', zh: '您什么时候用？', nb: 'Når bruker du det?', nl: 'Wanneer gebruikt u het?' },
      options: { en: 'Morning, Lunch', zh: '早上, 午饭', nb: 'Morgen, Lunsj', nl: 'Ochtend, Lunch' },
    };
    const langs = ['en', 'zh', 'nb', 'nl'] as const;

    await page.locator('ds-survey-results details[data-create] summary').click();
    await form.locator('input[name=closes]').fill(new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10));
    await form.locator('select[name=target]').selectOption('floor');
    await form.locator('input[name=floor]').fill('3');
    await form.locator('fieldset[data-draft="0"] [data-lang=en] input[data-prompt]').fill(words.scale.en);
    await form.locator('button[type=submit]').click();
    await page.locator('ds-survey-form [data-form-notice]', { hasText: catalogs.en['surveyDash.noWords'] }).waitFor(seen);
    for (const l of langs) await form.locator(`input[name=title-${l}]`).fill(words.title[l]);
    await form.locator('button[type=submit]').click();
    await page.locator('ds-survey-form [data-form-notice]', { hasText: catalogs.en['surveyDash.sameLanguages'] }).waitFor(seen);
    for (const l of langs) await form.locator(`fieldset[data-draft="0"] [data-lang=${l}] input[data-prompt]`).fill(words.scale[l]);
    await form.locator('button[data-add-question]').click();
    await form.locator('fieldset[data-draft="1"] select[data-kind]').selectOption('choice');
    for (const l of langs) {
      await form.locator(`fieldset[data-draft="1"] [data-lang=${l}] input[data-prompt]`).fill(words.choice[l]);
      await form.locator(`fieldset[data-draft="1"] [data-lang=${l}] input[data-options]`).fill(words.options[l]);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await form.locator('button[type=submit]').click();
    await page.locator('ds-survey-form [data-form-notice]', { hasText: catalogs.en['surveyDash.created'] }).waitFor(seen);

    const made = (await site.gw.call('GET', '/api/surveys', { cookie: await site.gw.login('hanna') })).body.surveys
      .find((s: { survey: { title: { en?: string } } }) => s.survey.title.en === 'Kitchen on floor 3');
    expect(made.survey).toMatchObject({ title: words.title, targets: [{ kind: 'floor', floor: 3 }], status: 'open' });
    expect(made.survey.questions).toEqual([
      { id: 'q1', kind: 'scale', prompt: words.scale },
      { id: 'q2', kind: 'choice', prompt: words.choice, options: [
        { en: 'Morning', zh: '早上', nb: 'Morgen', nl: 'Ochtend' }, { en: 'Lunch', zh: '午饭', nb: 'Lunsj', nl: 'Lunch' },
      ] },
    ]);
    expect(made.targeted).toBe(2);
    await page.locator(`ds-survey-results article[data-survey="${made.survey.id}"]`).waitFor(seen);
  });

  it('names both sections in every language', async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, 'hanna');

    for (const lang of ['zh', 'nb', 'nl'] as Lang[]) {
      await page.locator('ds-lang-switch select').first().selectOption(lang);
      await page.locator('nav.sections a[data-nav="documents"]').click();
      await page.locator('ds-documents-section').getByRole('heading', { name: catalogs[lang]['docDash.upload'] }).waitFor(seen);
      await page.locator('nav.sections a[data-nav="surveys"]', { hasText: catalogs[lang]['surveyDash.section'] }).click();
      await page.locator('ds-survey-results [data-rate]').first().waitFor(seen);
      expect(await page.locator('ds-survey-results [data-rate]').first().textContent()).toContain(catalogs[lang]['surveyDash.rate'].split('{')[0]!.trim());
    }
  });
});
