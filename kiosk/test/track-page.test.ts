import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finished, jpegWithGps, report, scrollsSideways, work, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the tracking page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  const open = async (token: string) => {
    await openPage(page, `${gw.http}/track/${token}`);
    await page.locator('ds-track-page [data-live]').waitFor(seen);
  };
  const current = () => page.locator('ds-track-steps li[aria-current="step"]').getAttribute('data-step');
  const untilStep = (step: string) => page.locator(`ds-track-steps li[aria-current="step"][data-step="${step}"]`).waitFor(seen);

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterEach(async () => {
    await page.close();
    await gw.stop();
  });

  it('follows the job from reported to verified without reloading', async () => {
    const { id, token } = await report(gw, 'r101', 'cleaning');
    await open(token);
    await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
    const seenSteps = [await current()];

    for (const [user, action, body, step] of [
      ['sofia', 'assign', { assignee: 'ana' }, 'assigned'], ['ana', 'start', {}, 'on_the_way'],
      ['ana', 'complete', {}, 'done'], ['sofia', 'approve', {}, 'verified'],
    ] as const) {
      await work(gw, id, [[user, action, body]]);
      await untilStep(step);
      seenSteps.push(await current());
    }

    expect(seenSteps).toEqual(['reported', 'assigned', 'on_the_way', 'done', 'verified']);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  it('offers a rating only once the job is done, and takes it once', async () => {
    const { id, token } = await report(gw, 'r102', 'cleaning');
    await open(token);
    const formBefore = await page.locator('ds-rating-form').count();
    await work(gw, id, [['sofia', 'assign', { assignee: 'ana' }], ['ana', 'start'], ['ana', 'complete']]);
    await page.locator('ds-rating-form').waitFor(seen);

    await page.locator('ds-rating-form label[data-star="4"]').click();
    await page.locator('ds-rating-form textarea[name="comment"]').fill('Quick and tidy');
    await page.getByRole('button', { name: 'Send rating' }).click();

    await page.locator('[data-rated]').getByText('Thank you. Your rating: 4 of 5.').waitFor(seen);
    expect(formBefore).toBe(0);
    expect(await page.locator('ds-rating-form').count()).toBe(0);
    expect((await gw.call('GET', `/api/track/${token}`)).body.rating).toEqual({ score: 4, comment: 'Quick and tidy' });
  });

  it('sends "not resolved" with a reason and a photo, and the cleaning policy follows', async () => {
    const { id, token } = await finished(gw, 'r103', 'cleaning');
    await open(token);

    await page.locator('button[data-dispute]').click();
    await page.getByRole('button', { name: 'Waste not removed', exact: true }).click();
    await page.locator('ds-dispute-form textarea[name="notes"]').fill('Bin by the door is full');
    await page.locator('ds-dispute-form ds-photo-picker input[type="file"]').setInputFiles({ name: 'bin.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(2000, 1500) });
    await page.locator('ds-dispute-form ds-photo-picker img').waitFor(seen);
    await page.getByRole('button', { name: 'Send: not resolved' }).click();

    await page.locator('[data-rejection]').getByText('You reported it as not resolved: Waste not removed.', { exact: false }).waitFor(seen);
    expect(await current()).toBe('rejected');
    const ticket = gw.store.tickets.get(id)!;
    expect(ticket).toMatchObject({ status: 'rejected', assignee: 'ana' });
    expect(ticket.rejections.at(-1)).toMatchObject({ by: 'occupant', reason: 'Waste not removed', notes: 'Bin by the door is full', roomStatus: 'pending_recovery' });
    expect(ticket.rejections.at(-1)!.photos).toHaveLength(1);
    expect(gw.store.rooms.get('r103')!.status).toBe('pending_recovery');
  });

  it('offers no "not resolved" where the category leaves that to staff, and says whom to tell', async () => {
    const { token } = await finished(gw, 'r104', 'security');

    await open(token);

    await page.locator('[data-no-dispute]').getByText('For this kind of job, please tell reception if it is not resolved.').waitFor(seen);
    expect(await page.locator('button[data-dispute]').count()).toBe(0);
  });

  it('says so when the link is not known', async () => {
    await openPage(page, `${gw.http}/track/${'u'.repeat(24)}`);

    await page.locator('[data-unknown]').getByText('This tracking link is not known.', { exact: false }).waitFor(seen);
  });

  it('fits a 360 px wide phone without sideways scrolling, with the rating and dispute forms open', async () => {
    const { token } = await finished(gw, 'r105', 'maintenance');
    await page.setViewportSize({ width: 360, height: 740 });
    await open(token);

    await page.locator('button[data-dispute]').click();
    await page.locator('ds-dispute-form').waitFor(seen);

    expect(await scrollsSideways(page)).toBe(false);
  });
});
