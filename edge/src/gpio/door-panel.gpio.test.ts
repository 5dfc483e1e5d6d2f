import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomStatus } from '../contracts/index.ts';
import { startGpioPanel } from './door-panel.gpio.ts';
import type { PanelPins } from './panel-pins.ts';
import { createSimulatedPins } from './pins.simulated.ts';

const BUTTON = 529;
const RED = 534;
const GREEN = 539;
const RELAY = 535;

const pins: PanelPins = {
  button: { pin: BUTTON, activeLow: true, debounceMs: 50 },
  red: { pin: RED, activeLow: false },
  green: { pin: GREEN, activeLow: false },
  relay: { pin: RELAY, activeLow: true },
};

function panel(initialStatus: RoomStatus = 'available', wiring: PanelPins = pins) {
  const sim = createSimulatedPins();
  const onPress = vi.fn();
  const door = startGpioPanel({ driver: sim, pins: wiring, initialStatus, onPress });
  const lamps = () => ({ red: sim.value(RED), green: sim.value(GREEN), relay: sim.value(RELAY) });
  return { sim, onPress, door, lamps };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('the door panel button', () => {
  it('counts a press once the button has been held for the debounce time', () => {
    const { sim, onPress } = panel();

    sim.press(BUTTON);
    vi.advanceTimersByTime(49);
    const early = onPress.mock.calls.length;
    vi.advanceTimersByTime(1);

    expect(early).toBe(0);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('counts bouncing contacts as one press', () => {
    const { sim, onPress } = panel();

    for (let i = 0; i < 5; i++) {
      sim.press(BUTTON);
      vi.advanceTimersByTime(3);
      sim.release(BUTTON);
      vi.advanceTimersByTime(4);
    }
    sim.press(BUTTON);
    vi.advanceTimersByTime(200);
    sim.release(BUTTON);
    vi.advanceTimersByTime(2);
    sim.press(BUTTON);
    vi.advanceTimersByTime(200);

    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('counts one press per push, not one per edge', () => {
    const { sim, onPress } = panel();

    for (let push = 0; push < 3; push++) {
      sim.press(BUTTON);
      vi.advanceTimersByTime(100);
      sim.release(BUTTON);
      vi.advanceTimersByTime(100);
    }

    expect(onPress).toHaveBeenCalledTimes(3);
  });

  it('ignores a blip shorter than the debounce time', () => {
    const { sim, onPress } = panel();

    sim.press(BUTTON);
    vi.advanceTimersByTime(20);
    sim.release(BUTTON);
    vi.advanceTimersByTime(500);

    expect(onPress).not.toHaveBeenCalled();
  });

  it('does not count a button already held at start until it is let go and pushed again', () => {
    const sim = createSimulatedPins();
    sim.set(BUTTON, 0);
    const onPress = vi.fn();
    startGpioPanel({ driver: sim, pins, initialStatus: 'available', onPress });

    vi.advanceTimersByTime(500);
    sim.release(BUTTON);
    vi.advanceTimersByTime(100);
    const whileHeld = onPress.mock.calls.length;
    sim.press(BUTTON);
    vi.advanceTimersByTime(100);

    expect(whileHeld).toBe(0);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('works the same for a button wired active-high', () => {
    const { sim, onPress } = panel('available', { ...pins, button: { ...pins.button, activeLow: false } });

    sim.set(BUTTON, 1);
    vi.advanceTimersByTime(50);

    expect(onPress).toHaveBeenCalledTimes(1);
  });
});

describe('the door panel lamps', () => {
  it.each<[RoomStatus, { red: 0 | 1; green: 0 | 1; relay: 0 | 1 }]>([
    ['available', { red: 0, green: 1, relay: 0 }],
    ['service_due', { red: 1, green: 0, relay: 0 }],
    ['in_service', { red: 1, green: 0, relay: 0 }],
    ['pending_recovery', { red: 1, green: 0, relay: 0 }],
    ['do_not_use', { red: 1, green: 0, relay: 1 }],
  ])('show %s as %o', (status, expected) => {
    const { door, lamps } = panel(status === 'available' ? 'do_not_use' : 'available');

    door.show(status);

    expect(lamps()).toEqual(expected);
  });

  it('light for the initial status straight away', () => {
    const { lamps } = panel('do_not_use');

    expect(lamps()).toEqual({ red: 1, green: 0, relay: 1 });
  });

  it('drive an active-low relay low to light the Do Not Use lamp', () => {
    const { sim } = panel('do_not_use');

    expect(sim.level(RELAY)).toBe(0);
  });

  it('do without a relay when none is wired', () => {
    const { relay: _, ...noRelay } = pins;
    const { sim, door } = panel('available', noRelay);

    door.show('do_not_use');

    expect([sim.value(RED), sim.value(GREEN), sim.isOpen(RELAY)]).toEqual([1, 0, false]);
  });
});

describe('closing the door panel', () => {
  it('darkens the lamps and releases every pin', () => {
    const { sim, door } = panel('do_not_use');

    door.close();

    expect([sim.level(RED), sim.level(GREEN), sim.level(RELAY)]).toEqual([0, 0, 1]);
    expect(sim.openPins()).toEqual([]);
  });

  it('drops a press still settling and ignores later status', () => {
    const { sim, door, onPress } = panel();
    sim.press(BUTTON);

    door.close();
    vi.advanceTimersByTime(100);
    door.show('do_not_use');

    expect(onPress).not.toHaveBeenCalled();
  });

  it('gives back the pins it had opened when one cannot be opened', () => {
    const sim = createSimulatedPins();
    sim.output(BUTTON, { activeLow: false });

    const start = () => startGpioPanel({ driver: sim, pins, initialStatus: 'available', onPress: () => {} });

    expect(start).toThrow(/pin 529 is already open/);
    expect(sim.openPins()).toEqual([BUTTON]);
  });
});
