import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * BCM → sysfs pin numbers. Newer Raspberry Pi kernels no longer put the header's
 * chip at base 0 (512 and 571 are both seen in the wild), so the base is read from
 * the running kernel instead of assumed.
 */
export interface GpioChip {
  /** e.g. `gpiochip512` */
  name: string;
  label: string;
  base: number;
  ngpio: number;
}

export interface HeaderChip extends GpioChip {
  toSysfs(bcm: number): number;
}

/**
 * Labels of the chip wired to the 40-pin header, best first. `raspberrypi-exp-gpio`
 * (firmware-owned lines) and Pi 5's own `pinctrl-bcm2712` / brcmstb chips are absent
 * on purpose: on a Pi 5 the header hangs off the RP1.
 */
const HEADER_LABELS = ['pinctrl-rp1', 'pinctrl-bcm2711', 'pinctrl-bcm2835'];

const classDir = (root: string): string => join(root, 'sys', 'class', 'gpio');

export function gpioAvailable(root = '/'): boolean {
  return existsSync(classDir(root));
}

export function listGpioChips(root = '/'): GpioChip[] {
  const dir = classDir(root);
  if (!existsSync(dir)) return [];
  const read = (name: string, file: string): string => readFileSync(join(dir, name, file), 'utf8').trim();
  return readdirSync(dir)
    .filter((name) => /^gpiochip\d+$/.test(name))
    .map((name) => ({ name, label: read(name, 'label'), base: Number(read(name, 'base')), ngpio: Number(read(name, 'ngpio')) }))
    .sort((a, b) => a.base - b.base);
}

/**
 * Finds the header chip under `root`, or the chip labelled `label` when the config
 * names one (boards this list does not know). Throws naming every chip it saw.
 */
export function resolveHeaderChip(root = '/', label?: string): HeaderChip {
  const chips = listGpioChips(root);
  const wanted = label ? [label] : HEADER_LABELS;
  const chip = wanted.map((l) => chips.find((c) => c.label === l)).find((c) => c !== undefined);
  if (!chip) {
    const seen = chips.length ? chips.map((c) => `${c.name} "${c.label}" (base ${c.base})`).join(', ') : 'none';
    const looked = label ? `chip "${label}" (from the config's "chip")` : `header chip (${HEADER_LABELS.join(', ')})`;
    throw new Error(`GPIO: no ${looked} under ${classDir(root)}; chips found: ${seen}`);
  }
  return {
    ...chip,
    toSysfs(bcm) {
      if (!Number.isInteger(bcm) || bcm < 0 || bcm >= chip.ngpio) {
        throw new Error(`GPIO: BCM ${bcm} is not a line of ${chip.name} "${chip.label}" (0–${chip.ngpio - 1})`);
      }
      return chip.base + bcm;
    },
  };
}
