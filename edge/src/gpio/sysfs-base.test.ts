import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeSysfs } from './fake-sysfs.ts';
import { gpioAvailable, listGpioChips, resolveHeaderChip } from './sysfs-base.ts';

const work = mkdtempSync(join(tmpdir(), 'doorside-sysfs-'));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

const pi4 = [
  { label: 'pinctrl-bcm2711', base: 512, ngpio: 58 },
  { label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 },
];
const pi5 = [
  { label: 'gpio-brcmstb@107d508500', base: 512, ngpio: 32 },
  { label: 'gpio-brcmstb@107d517c00', base: 544, ngpio: 15 },
  { label: 'pinctrl-rp1', base: 571, ngpio: 54 },
  { label: 'raspberrypi-exp-gpio', base: 625, ngpio: 8 },
];

describe('gpioAvailable', () => {
  it('says yes when sys/class/gpio exists under the root', () => {
    const root = fakeSysfs(work, pi4);

    expect(gpioAvailable(root)).toBe(true);
  });

  it('says no on a machine without sysfs GPIO', () => {
    const root = mkdtempSync(join(work, 'empty-'));

    expect(gpioAvailable(root)).toBe(false);
  });
});

describe('listGpioChips', () => {
  it('reads every chip with its label, base and size, lowest base first', () => {
    const root = fakeSysfs(work, [...pi4].reverse());

    const chips = listGpioChips(root);

    expect(chips).toEqual([
      { name: 'gpiochip512', label: 'pinctrl-bcm2711', base: 512, ngpio: 58 },
      { name: 'gpiochip570', label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 },
    ]);
  });
});

describe('resolveHeaderChip', () => {
  it('maps BCM to sysfs on a Pi 4 with base 512', () => {
    const chip = resolveHeaderChip(fakeSysfs(work, pi4));

    expect(chip.toSysfs(17)).toBe(529);
  });

  it('picks the RP1 on a Pi 5, not the SoC or firmware chips', () => {
    const chip = resolveHeaderChip(fakeSysfs(work, pi5));

    expect([chip.label, chip.toSysfs(17)]).toEqual(['pinctrl-rp1', 588]);
  });

  it('finds an old kernel\'s chip at base 0', () => {
    const chip = resolveHeaderChip(fakeSysfs(work, [{ label: 'pinctrl-bcm2835', base: 0, ngpio: 54 }]));

    expect(chip.toSysfs(4)).toBe(4);
  });

  it('takes the chip named in the config over the known labels', () => {
    const root = fakeSysfs(work, [...pi4, { label: 'my-board-gpio', base: 600, ngpio: 28 }]);

    const chip = resolveHeaderChip(root, 'my-board-gpio');

    expect(chip.toSysfs(2)).toBe(602);
  });

  it('refuses a BCM number the chip does not have', () => {
    const chip = resolveHeaderChip(fakeSysfs(work, [{ label: 'pinctrl-bcm2835', base: 0, ngpio: 54 }]));

    expect(() => chip.toSysfs(54)).toThrow(/BCM 54 is not a line of gpiochip0 "pinctrl-bcm2835" \(0–53\)/);
  });

  it('lists the chips it found when none is the header', () => {
    const root = fakeSysfs(work, [{ label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 }, { label: 'other', base: 600, ngpio: 4 }]);

    const resolve = () => resolveHeaderChip(root);

    expect(resolve).toThrow('chips found: gpiochip570 "raspberrypi-exp-gpio" (base 570), gpiochip600 "other" (base 600)');
  });

  it('names the missing label when the configured chip is absent', () => {
    const root = fakeSysfs(work, pi4);

    const resolve = () => resolveHeaderChip(root, 'pinctrl-rp1');

    expect(resolve).toThrow(/no chip "pinctrl-rp1" \(from the config's "chip"\).*gpiochip512 "pinctrl-bcm2711"/);
  });

  it('says none were found on an empty gpio class', () => {
    const root = fakeSysfs(work, []);

    expect(() => resolveHeaderChip(root)).toThrow(/chips found: none/);
  });
});
