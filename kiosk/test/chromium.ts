import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium: playwright's own browser download does not work on these machines. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
  console.warn(`\n*** SKIPPING the kiosk browser tests: ${chromiumPath} is missing. Install it: apt-get install -y chromium ***\n`);
}

const launch = () => chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let running: Promise<Browser> | null = null;

/**
 * A browser for one test file. Test files that run one after another in the same process share
 * one Chromium (starting and stopping it costs about a second a file); each file gets its own
 * view of it, whose `close` closes the contexts and pages that file opened and leaves the
 * browser running for the next. Contexts share nothing with each other (cookies, storage, cache),
 * so a file sees a browser as fresh as one it started itself.
 */
export async function launchChromium(): Promise<Browser> {
  if (running === null || !(await running.catch(() => null))?.isConnected()) running = launch();
  const browser = await running;
  const opened = new Set<BrowserContext>();
  const mine = async (context: BrowserContext) => {
    opened.add(context);
    context.once('close', () => opened.delete(context));
    return context;
  };
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'newContext') return async (...args: Parameters<Browser['newContext']>) => mine(await target.newContext(...args));
      if (key === 'newPage') {
        return async (...args: Parameters<Browser['newPage']>) => {
          const page = await target.newPage(...args);
          await mine(page.context());
          return page;
        };
      }
      if (key === 'contexts') return () => [...opened];
      if (key === 'close') return async () => { await Promise.all([...opened].map((c) => c.close().catch(() => {}))); };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
