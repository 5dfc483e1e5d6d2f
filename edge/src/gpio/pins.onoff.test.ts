import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BinaryValue, Direction, Edge, Options, ValueCallback } from 'onoff';
import { createOnoffDriver, type OnoffGpio } from './pins.onoff.ts';

/** A stand-in for onoff's Gpio that records how it was used. */
class FakeGpio implements OnoffGpio {
  static made: FakeGpio[] = [];
  value: BinaryValue = 0;
  watchers: ValueCallback[] = [];
  unexported = false;

  constructor(readonly pin: number, readonly direction: Direction, readonly edge?: Edge, readonly options?: Options) {
    FakeGpio.made.push(this);
  }

  readSync = (): BinaryValue => this.value;
  writeSync = (value: BinaryValue): void => { this.value = value; };
  watch = (cb: ValueCallback): void => { this.watchers.push(cb); };
  unwatchAll = (): void => { this.watchers = []; };
  unexport = (): void => { this.unexported = true; };
}

async function fakeDriver(onWatchError?: (pin: number, error: Error) => void) {
  FakeGpio.made = [];
  return createOnoffDriver({ loadGpio: async () => FakeGpio, ...(onWatchError ? { onWatchError } : {}) });
}

describe('the onoff driver', () => {
  it('opens an input with its edge and active-low', async () => {
    const driver = await fakeDriver();

    driver.input(529, { edge: 'both', activeLow: true });

    expect(FakeGpio.made[0]).toMatchObject({ pin: 529, direction: 'in', edge: 'both', options: { activeLow: true } });
    expect(driver.kind).toBe('sysfs');
  });

  it('opens an output at its raw off level so an active-low lamp never flashes', async () => {
    const driver = await fakeDriver();

    driver.output(534, { activeLow: true });
    driver.output(535, { activeLow: false });

    expect(FakeGpio.made.map((g) => g.direction)).toEqual(['high', 'low']);
  });

  it('passes writes and reads straight through', async () => {
    const driver = await fakeDriver();
    const lamp = driver.output(534, { activeLow: false });

    lamp.write(1);

    expect(lamp.read()).toBe(1);
  });

  it('hands watched values on and routes watch errors aside', async () => {
    const errors: string[] = [];
    const driver = await fakeDriver((pin, e) => errors.push(`${pin}: ${e.message}`));
    const seen: BinaryValue[] = [];
    driver.input(529, { edge: 'both', activeLow: true }).watch((v) => seen.push(v));

    FakeGpio.made[0]!.watchers[0]!(null, 1);
    FakeGpio.made[0]!.watchers[0]!(new Error('EIO'), 0);

    expect(seen).toEqual([1]);
    expect(errors).toEqual(['529: EIO']);
  });

  it('unexports a pin on close, once', async () => {
    const driver = await fakeDriver();
    const button = driver.input(529, { edge: 'both', activeLow: true });
    button.watch(() => {});

    button.close();
    button.close();

    expect(FakeGpio.made[0]).toMatchObject({ unexported: true, watchers: [] });
  });

  it('unexports every pin still open when the driver closes', async () => {
    const driver = await fakeDriver();
    driver.input(529, { edge: 'both', activeLow: true });
    driver.output(534, { activeLow: false });

    driver.close();

    expect(FakeGpio.made.map((g) => g.unexported)).toEqual([true, true]);
  });

  it.skipIf(existsSync('/sys/class/gpio'))('loads real onoff lazily and says which pin it could not open', async () => {
    const driver = await createOnoffDriver();

    const open = () => driver.output(529, { activeLow: false });

    expect(open).toThrow(/cannot open sysfs pin 529 .*"gpio" group/);
  });
});
