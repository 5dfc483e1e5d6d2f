import type { RoomStatus } from '../contracts/index.ts';
import type { InputPin, OutputPin, PinDriver, PinValue } from './pin-driver.ts';
import type { PanelPins } from './panel-pins.ts';

export interface GpioPanelOptions {
  driver: PinDriver;
  pins: PanelPins;
  initialStatus: RoomStatus;
  /** Once per push of the button. Runs on a timer, so it must not throw. */
  onPress: () => void;
}

export interface GpioPanel {
  show(status: RoomStatus): void;
  /** Darkens the lamps and releases every pin the panel opened. */
  close(): void;
}

interface Lamp {
  pin: OutputPin;
  lit: (status: RoomStatus) => boolean;
}

/**
 * A button and two or three lamps beside the door. Green only means "go in";
 * every other status is red, and the relay lamp adds "Do Not Use" on top.
 */
export function startGpioPanel({ driver, pins, initialStatus, onPress }: GpioPanelOptions): GpioPanel {
  const { lamps, button, opened } = openPins(driver, pins);
  let closed = false;

  const show = (status: RoomStatus): void => {
    for (const lamp of lamps) lamp.pin.write(lamp.lit(status) ? 1 : 0);
  };
  show(initialStatus);

  // A push counts once the contacts have settled: each edge restarts the wait, and
  // only a settled change from released to pressed is a press. A button held down
  // at start is not a press; it must be let go first.
  let settled: PinValue = button.read();
  let wait: ReturnType<typeof setTimeout> | undefined;
  const settle = (): void => {
    wait = undefined;
    const level = button.read();
    if (level === settled) return;
    settled = level;
    if (level === 1) onPress();
  };
  button.watch(() => {
    clearTimeout(wait);
    wait = setTimeout(settle, pins.button.debounceMs);
  });

  return {
    show(status) {
      // The gateway may still be reporting status while it shuts down.
      if (!closed) show(status);
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(wait);
      // A stale green after shutdown would say "available" with nobody behind it.
      for (const lamp of lamps) lamp.pin.write(0);
      for (const pin of opened) pin.close();
    },
  };
}

function openPins(driver: PinDriver, pins: PanelPins): { lamps: Lamp[]; button: InputPin; opened: { close(): void }[] } {
  const opened: { close(): void }[] = [];
  const lamp = (wiring: { pin: number; activeLow: boolean }, lit: Lamp['lit']): Lamp => {
    const pin = driver.output(wiring.pin, { activeLow: wiring.activeLow });
    opened.push(pin);
    return { pin, lit };
  };
  try {
    const lamps = [
      lamp(pins.green, (s) => s === 'available'),
      lamp(pins.red, (s) => s !== 'available'),
      ...(pins.relay ? [lamp(pins.relay, (s) => s === 'do_not_use')] : []),
    ];
    const button = driver.input(pins.button.pin, { edge: 'both', activeLow: pins.button.activeLow });
    opened.push(button);
    return { lamps, button, opened };
  } catch (error) {
    // Half a panel would hold pins nobody releases; give back what was opened.
    for (const pin of opened) pin.close();
    throw error;
  }
}
