import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** For tests: a fresh dir under `parent` holding `sys/class/gpio/gpiochipN/{base,label,ngpio}` as a kernel would. */
export function fakeSysfs(parent: string, chips: { label: string; base: number; ngpio: number }[]): string {
  const root = mkdtempSync(join(parent, 'root-'));
  const gpio = join(root, 'sys', 'class', 'gpio');
  mkdirSync(gpio, { recursive: true });
  writeFileSync(join(gpio, 'export'), '');
  for (const chip of chips) {
    const dir = join(gpio, `gpiochip${chip.base}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'base'), `${chip.base}\n`);
    writeFileSync(join(dir, 'label'), `${chip.label}\n`);
    writeFileSync(join(dir, 'ngpio'), `${chip.ngpio}\n`);
  }
  return root;
}
