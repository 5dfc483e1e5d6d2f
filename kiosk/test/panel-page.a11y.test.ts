import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning, panelOf } from './panel-fixture.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const seen = { timeout: 10_000 };

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }

describe.skipIf(!hasChromium)('the door panel page for people who cannot see it well', () => {
  let browser: Browser;
  let gw: TestGateway;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('has no serious or critical axe violations on the keypad', async () => {
    const page = await browser.newPage();
    await page.goto(panelOf(gw, 'r102').url);
    await page.locator('ds-pin-pad button[data-digit="1"]').waitFor(seen);

    const violations = await axeViolations(page);
    await page.close();

    expect(serious(violations)).toEqual([]);
  });

  it('has no serious or critical axe violations when signed in with a finished service', async () => {
    const id = await finishedCleaning(gw, 'r103');
    const { url, pin } = panelOf(gw, 'r103');
    const page = await browser.newPage();
    await page.goto(url);
    for (const digit of pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`[data-ticket="${id}"]`).waitFor(seen);

    const violations = await axeViolations(page);
    await page.close();

    expect(serious(violations)).toEqual([]);
  });
});

function serious(violations: AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () =>
    (await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run()).violations);
}
