import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GpioConfigError, loadGpioConfig } from './gpio-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'doorside-gpio-config-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
let n = 0;

function configFile(content: unknown): string {
  const file = join(dir, `panel-${n++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problemsOf(file: string): string[] {
  try {
    loadGpioConfig(file);
  } catch (error) {
    if (error instanceof GpioConfigError) return error.problems;
    throw error;
  }
  throw new Error('config was accepted');
}

const minimal = { room: 'r101', button: { bcm: 17 }, leds: { red: { bcm: 22 }, green: { bcm: 27 } } };

describe('loadGpioConfig', () => {
  it('fills in the usual wiring for what a minimal file leaves out', () => {
    const file = configFile(minimal);

    const config = loadGpioConfig(file);

    expect(config).toEqual({
      room: 'r101',
      button: { bcm: 17, activeLow: true, debounceMs: 50, action: 'auto' },
      leds: { red: { bcm: 22, activeLow: false }, green: { bcm: 27, activeLow: false } },
    });
  });

  it('keeps everything a full file says', () => {
    const full = {
      room: 'r101', chip: 'pinctrl-rp1',
      button: { bcm: 17, activeLow: false, debounceMs: 20, action: 'approve' },
      leds: { red: { bcm: 22, activeLow: true }, green: { bcm: 27 } },
      relay: { bcm: 23, activeLow: true },
    };
    const file = configFile(full);

    const config = loadGpioConfig(file);

    expect(config).toEqual({ ...full, leds: { red: { bcm: 22, activeLow: true }, green: { bcm: 27, activeLow: false } } });
  });

  it('lists every problem with its path', () => {
    const file = configFile({ room: '', button: { bcm: 28, debounceMs: -1, action: 'open' }, leds: { red: { bcm: 1.5 } } });

    const problems = problemsOf(file);

    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'room', 'button.bcm', 'button.debounceMs', 'button.action', 'leds.red.bcm', 'leds.green',
    ]);
  });

  it('refuses unknown keys, wherever they are', () => {
    const file = configFile({ ...minimal, buzzer: { bcm: 4 }, leds: { ...minimal.leds, blue: { bcm: 5 } } });

    const problems = problemsOf(file);

    expect(problems).toEqual([
      expect.stringMatching(/^leds: .*"blue"/),
      expect.stringMatching(/^\(top level\): .*"buzzer"/),
    ]);
  });

  it('refuses a pin used twice, naming who has it', () => {
    const file = configFile({ ...minimal, leds: { red: { bcm: 17 }, green: { bcm: 27 } }, relay: { bcm: 27 } });

    const problems = problemsOf(file);

    expect(problems).toEqual(['leds.red.bcm: BCM 17 is already used by button', 'relay.bcm: BCM 27 is already used by leds.green']);
  });

  it('names the file and says so when it is not JSON', () => {
    const file = configFile('{ room: r101 ');

    const load = () => loadGpioConfig(file);

    expect(load).toThrow(new RegExp(`GPIO config ${file} is invalid:\\n  - .*JSON`));
  });

  it('says so when the file is missing', () => {
    const file = join(dir, 'absent.json');

    const problems = problemsOf(file);

    expect(problems).toEqual([expect.stringMatching(/ENOENT/)]);
  });
});
