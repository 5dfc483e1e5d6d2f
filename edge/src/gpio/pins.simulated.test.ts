import { describe, expect, it } from 'vitest';
import type { PinValue } from './pin-driver.ts';
import { createSimulatedPins } from './pins.simulated.ts';

describe('simulated pins', () => {
  it('start outputs off, which is electrically high for an active-low lamp', () => {
    const sim = createSimulatedPins();

    sim.output(5, { activeLow: false });
    sim.output(6, { activeLow: true });

    expect([sim.value(5), sim.level(5)]).toEqual([0, 0]);
    expect([sim.value(6), sim.level(6)]).toEqual([0, 1]);
  });

  it('remember what an output was last told, inverting the wire when active-low', () => {
    const sim = createSimulatedPins();
    const lamp = sim.output(6, { activeLow: true });

    lamp.write(1);

    expect(lamp.read()).toBe(1);
    expect(sim.level(6)).toBe(0);
  });

  it('rest an unpressed active-low button high, reading released', () => {
    const sim = createSimulatedPins();

    const button = sim.input(17, { edge: 'both', activeLow: true });

    expect(button.read()).toBe(0);
    expect(sim.level(17)).toBe(1);
  });

  it('press an active-low button by pulling its wire low', () => {
    const sim = createSimulatedPins();
    const button = sim.input(17, { edge: 'both', activeLow: true });
    const seen: PinValue[] = [];
    button.watch((v) => seen.push(v));

    sim.press(17);
    sim.release(17);

    expect(seen).toEqual([1, 0]);
    expect(sim.level(17)).toBe(1);
  });

  it('report only the edges the input was opened for, in logical terms', () => {
    const sim = createSimulatedPins();
    const rising: PinValue[] = [];
    const falling: PinValue[] = [];
    sim.input(17, { edge: 'rising', activeLow: true }).watch((v) => rising.push(v));
    sim.input(18, { edge: 'falling', activeLow: false }).watch((v) => falling.push(v));

    sim.set(17, 0);
    sim.set(17, 1);
    sim.set(18, 1);
    sim.set(18, 0);

    expect(rising).toEqual([1]);
    expect(falling).toEqual([0]);
  });

  it('report nothing when the level is driven to what it already is', () => {
    const sim = createSimulatedPins();
    const seen: PinValue[] = [];
    sim.input(17, { edge: 'both', activeLow: false }).watch((v) => seen.push(v));

    sim.set(17, 0);

    expect(seen).toEqual([]);
  });

  it('keep a level set before the pin is opened, as a held button would', () => {
    const sim = createSimulatedPins();
    sim.set(17, 0);

    const button = sim.input(17, { edge: 'both', activeLow: true });

    expect(button.read()).toBe(1);
  });

  it('refuse to open a pin twice', () => {
    const sim = createSimulatedPins();
    sim.output(5, { activeLow: false });

    const again = () => sim.input(5, { edge: 'both', activeLow: false });

    expect(again).toThrow(/pin 5 is already open/);
  });

  it('stop reporting and refuse use once a pin is closed', () => {
    const sim = createSimulatedPins();
    const button = sim.input(17, { edge: 'both', activeLow: false });
    const seen: PinValue[] = [];
    button.watch((v) => seen.push(v));

    button.close();
    sim.set(17, 1);

    expect(seen).toEqual([]);
    expect(() => button.read()).toThrow(/pin 17 is closed/);
    expect(() => sim.press(17)).toThrow(/pin 17 is not an open in/);
  });

  it('release every pin when the driver closes', () => {
    const sim = createSimulatedPins();
    sim.output(5, { activeLow: false });
    sim.input(17, { edge: 'both', activeLow: true });

    sim.close();

    expect(sim.openPins()).toEqual([]);
  });
});
