import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { catalogs } from '../src/i18n/index.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { doNotUse, finished, report, roomOf } from './occupant-fixture.ts';
import { finishedCleaning } from './panel-fixture.ts';

type Lang = 'en' | 'zh' | 'nb' | 'nl';
const locales: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN', nb: 'nb-NO', nl: 'nl-NL' };

/**
 * Every piece of text a person meets on the page: text nodes that are shown (shadow roots
 * included), and the labels a screen reader or a hover shows.
 */
function textsOnPage(): string[] {
  const out = new Set<string>();
  const visit = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE', 'OPTION'].includes(parent.tagName) || !parent.checkVisibility()) continue;
        const text = node.textContent!.replace(/\s+/g, ' ').trim();
        if (text) out.add(text);
      } else if (node instanceof Element) {
        if (node.shadowRoot) visit(node.shadowRoot);
        if (node.tagName === 'OPTION' || node.tagName === 'TITLE') continue;
        for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
          const value = node.getAttribute(name)?.trim();
          if (value) out.add(value);
        }
      }
    }
  };
  visit(document.documentElement);
  if (document.title.trim()) out.add(document.title.trim());
  return [...out];
}

interface Opened { name: string; url: string; cookie?: string; ready: string }

describe.skipIf(!hasChromium)('every page in the language chosen', () => {
  let browser: Browser;
  let gw: TestGateway;
  let pages: Opened[];
  let typed: Set<string>;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
    // Something in every state: a room Do Not Use with its follow-up, a job waiting at a panel, a report being tracked.
    await doNotUse(gw, 'r102');
    await finishedCleaning(gw, 'r103');
    await finished(gw, 'r105', 'cleaning');
    const tracked = await report(gw, 'r104', 'cleaning', 'Soap dispenser empty');
    const sign = gw.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r102')!;
    const [hanna, ana, panel] = [await gw.login('hanna'), await gw.login('ana'), await gw.panelLogin('r103')];
    const dashboard = (route: string) => ({ name: `dashboard ${route}`, url: `${gw.http}/dashboard#${route}`, cookie: hanna, ready: `[data-section="${route.split('/')[0]}"], ds-room-page` });
    pages = [
      { name: 'report, available room', url: roomOf(gw, 'r101').reportUrl, ready: 'ds-report-page' },
      { name: 'report, Do Not Use room', url: roomOf(gw, 'r102').reportUrl, ready: 'ds-report-page' },
      { name: 'tracking', url: `${gw.http}/track/${tracked.token}`, ready: 'ds-track-page' },
      { name: 'sign, Do Not Use', url: sign.url!, ready: 'ds-sign-page' },
      { name: 'panel with a job to check', url: `${gw.http}/panel/r103`, cookie: panel, ready: 'ds-panel-page' },
      { name: 'staff queue', url: `${gw.http}/staff`, cookie: ana, ready: 'ds-staff-page' },
      ...['rooms', 'tickets', 'figures', 'devices', 'sync', 'audit', 'room/r102'].map(dashboard),
    ];
    // What people typed is shown as typed: descriptions, notes, people's names and ids.
    typed = new Set<string>(['Doorside', gw.store.site]);
    for (const u of gw.store.directory.users()) typed.add(u.name).add(u.id);
    for (const d of gw.creds.devices) typed.add(d.id);
    for (const r of gw.store.rooms.all()) typed.add(r.id);
    for (const t of gw.store.tickets.list({ limit: 1000 })) {
      typed.add(t.id).add(t.description);
      if (!t.titlePhrase) typed.add(t.title);
      for (const h of t.history) if (h.note) typed.add(h.note);
    }
    // A paid service's description is written by the site's administrator, in one language.
    for (const s of gw.store.services.all()) typed.add(s.description);
    for (const lang of Object.keys(locales) as Lang[]) typed.add(catalogs[lang]['language.name']);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  const english = new Map<string, Set<string>>();

  /**
   * One browser context per language and cookie: its pages share their sign-in and the browser's
   * cache (the page bundles are fetched once, not for every page read), and each page is read in
   * a tab of its own, so pages can be read side by side.
   */
  const contexts = new Map<string, Promise<BrowserContext>>();
  function contextFor(lang: Lang, cookie: string | undefined): Promise<BrowserContext> {
    const key = `${lang} ${cookie ?? ''}`;
    let context = contexts.get(key);
    if (!context) {
      context = (async () => {
        const made = await browser.newContext({ locale: locales[lang], viewport: { width: 1280, height: 900 } });
        if (cookie) {
          const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
          await made.addCookies([{ name, value, url: gw.http }]);
        }
        return made;
      })();
      contexts.set(key, context);
    }
    return context;
  }

  async function shown(lang: Lang, opened: Opened): Promise<string[]> {
    const page = await (await contextFor(lang, opened.cookie)).newPage();
    try {
      const url = new URL(opened.url);
      url.searchParams.set('lang', lang);
      await page.goto(url.href);
      await page.locator(opened.ready).first().waitFor({ state: 'attached', timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      return await page.evaluate(textsOnPage);
    } finally {
      await page.close();
    }
  }

  /** Each of `items` through `work`, at most `width` at a time, answers in the items' order. */
  async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = new Array(items.length);
    let next = 0;
    const lane = async () => { while (next < items.length) { const i = next++; out[i] = await work(items[i]!); } };
    await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
    return out;
  }

  async function inEnglish(opened: Opened): Promise<Set<string>> {
    if (!english.has(opened.name)) english.set(opened.name, new Set(await shown('en', opened)));
    return english.get(opened.name)!;
  }

  /** Names people gave no translation in this language (or the same word): the plain name stands in, as it should. */
  function untranslated(lang: Lang): Set<string> {
    const named: { name: string; names?: Partial<Record<Lang, string>> }[] = [
      ...gw.store.rooms.all(), ...gw.store.directory.categories(), ...gw.store.directory.teams(),
      ...gw.store.rooms.all().map((r) => ({ name: r.zone, names: r.zoneNames })),
    ];
    return new Set(named.filter((n) => (n.names?.[lang] ?? n.name) === n.name).map((n) => n.name));
  }

  /** A text in Latin letters that reads the same on the English page is English unless it is a name, an id, or a word the language shares. */
  function isEnglish(lang: Lang, text: string, onEnglishPage: Set<string>): boolean {
    if (!onEnglishPage.has(text) || !/[A-Za-z]{3,}/.test(text) || typed.has(text) || untranslated(lang).has(text)) return false;
    if (/^(https?:\/\/|\S+@\S+$)/.test(text)) return false;
    // "Ticket T-1005" reads the same in Dutch: judge the words once the ids are taken out.
    const words = text.replace(/\b(T-\d+|r\d{3})\b/g, '').trim();
    if (!/[A-Za-z]{3,}/.test(words)) return false;
    const same = Object.keys(catalogs.en).filter((k) => catalogs[lang][k as keyof typeof catalogs.en] === catalogs.en[k as keyof typeof catalogs.en]);
    return !same.some((k) => catalogs.en[k as keyof typeof catalogs.en] === words);
  }

  it.each(['zh', 'nb', 'nl'] as const)('shows no English words on any page in %s', async (lang) => {
    const found: Record<string, string[]> = {};
    const strays = await inParallel(pages, 3, async (opened) => {
      const onEnglishPage = await inEnglish(opened);
      return (await shown(lang, opened)).filter((text) => isEnglish(lang, text, onEnglishPage));
    });
    pages.forEach((opened, i) => { if (strays[i]!.length > 0) found[opened.name] = strays[i]!; });

    expect(found).toEqual({});
  }, 180_000);
});
