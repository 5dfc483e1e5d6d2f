import type { BinaryValue, Direction, Edge, Options, ValueCallback } from 'onoff';
import type { InputPin, OutputPin, PinDriver } from './pin-driver.ts';

/** The part of onoff's `Gpio` this driver uses; a test can hand in a fake with this shape. */
export interface OnoffGpio {
  readSync(): BinaryValue;
  writeSync(value: BinaryValue): void;
  watch(callback: ValueCallback): void;
  unwatchAll(): void;
  unexport(): void;
}

export type OnoffGpioClass = new (gpio: number, direction: Direction, edge?: Edge, options?: Options) => OnoffGpio;

export interface OnoffDriverOptions {
  /** Where `Gpio` comes from; by default onoff itself, imported only now. */
  loadGpio?: () => Promise<OnoffGpioClass>;
  /** A failed read behind a watch; it arrives on the poller, where throwing would kill the gateway. */
  onWatchError?: (pin: number, error: Error) => void;
}

// onoff pulls in the native epoll module; importing it lazily keeps machines
// without GPIO (laptops, CI) able to load this file and everything that imports it.
const importOnoff = async (): Promise<OnoffGpioClass> => (await import('onoff')).Gpio;

/** The sysfs driver, over onoff. Pins are unexported when closed. */
export async function createOnoffDriver(options: OnoffDriverOptions = {}): Promise<PinDriver> {
  const Gpio = await (options.loadGpio ?? importOnoff)();
  const onWatchError = options.onWatchError ?? ((pin, error) => console.warn(`GPIO: reading sysfs pin ${pin} failed: ${error.message}`));
  const open = new Set<() => void>();

  function exportPin(pin: number, direction: Direction, edge: Edge, activeLow: boolean): OnoffGpio {
    try {
      return new Gpio(pin, direction, edge, { activeLow });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`GPIO: cannot open sysfs pin ${pin} (${reason}); is the gateway user in the "gpio" group?`, { cause: error });
    }
  }

  function track(gpio: OnoffGpio): () => void {
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      open.delete(close);
      gpio.unwatchAll();
      gpio.unexport();
    };
    open.add(close);
    return close;
  }

  return {
    kind: 'sysfs',

    input(pin, { edge, activeLow }): InputPin {
      const gpio = exportPin(pin, 'in', edge, activeLow);
      return {
        read: () => gpio.readSync(),
        watch: (onChange) => gpio.watch((error, value) => (error ? onWatchError(pin, error) : onChange(value))),
        close: track(gpio),
      };
    },

    output(pin, { activeLow }): OutputPin {
      // sysfs 'high'/'low' set the raw level together with the direction, ignoring
      // active_low; picking the raw "off" level means the lamp is never lit, even briefly.
      const gpio = exportPin(pin, activeLow ? 'high' : 'low', 'none', activeLow);
      return {
        write: (value) => gpio.writeSync(value),
        read: () => gpio.readSync(),
        close: track(gpio),
      };
    },

    close() {
      for (const close of [...open]) close();
    },
  };
}
