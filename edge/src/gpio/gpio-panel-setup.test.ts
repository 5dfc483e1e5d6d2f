import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeSysfs } from './fake-sysfs.ts';
import { openGpioPanel } from './gpio-panel-setup.ts';

const dir = mkdtempSync(join(tmpdir(), 'doorside-gpio-setup-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const configFile = join(dir, 'panel.json');
writeFileSync(configFile, JSON.stringify({
  room: 'r101', button: { bcm: 17 }, leds: { red: { bcm: 22 }, green: { bcm: 27 } }, relay: { bcm: 23, activeLow: true },
}));

describe('openGpioPanel', () => {
  it('falls back to simulated pins, numbered by BCM, and says so once', async () => {
    const lines: string[] = [];
    const root = mkdtempSync(join(dir, 'empty-'));

    const setup = await openGpioPanel({ configFile, root, log: (l) => lines.push(l) });

    expect(setup.driver.kind).toBe('simulated');
    expect(setup.pins.button).toEqual({ pin: 17, activeLow: true, debounceMs: 50 });
    expect(lines).toEqual(['GPIO: /sys/class/gpio not found, using simulated pins']);
  });

  it('uses sysfs pins offset by the header chip base when GPIO is there', async () => {
    const lines: string[] = [];
    const root = fakeSysfs(dir, [{ label: 'pinctrl-bcm2711', base: 512, ngpio: 58 }, { label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 }]);

    const setup = await openGpioPanel({ configFile, root, log: (l) => lines.push(l) });

    expect(setup.driver.kind).toBe('sysfs');
    expect(setup.pins).toEqual({
      button: { pin: 529, activeLow: true, debounceMs: 50 },
      red: { pin: 534, activeLow: false },
      green: { pin: 539, activeLow: false },
      relay: { pin: 535, activeLow: true },
    });
    expect(setup.config.room).toBe('r101');
    expect(lines).toEqual(['GPIO: room r101 on gpiochip512 "pinctrl-bcm2711" (BCM n = sysfs 512+n)']);
  });

  it('fails on a bad config before looking at the hardware', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ room: 'r101' }));

    const open = openGpioPanel({ configFile: bad, root: '/nonexistent', log: () => {} });

    await expect(open).rejects.toThrow(/button: .*\n.*leds: /);
  });

  it('fails naming the chips when none is the header', async () => {
    const root = fakeSysfs(dir, [{ label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 }]);

    const open = openGpioPanel({ configFile, root, log: () => {} });

    await expect(open).rejects.toThrow(/chips found: gpiochip570 "raspberrypi-exp-gpio"/);
  });
});
