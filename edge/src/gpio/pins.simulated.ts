import type { InputPin, OutputPin, PinDriver, PinEdge, PinValue } from './pin-driver.ts';

/** A driver whose pins live in memory, for tests and for machines without GPIO. */
export interface SimulatedPins extends PinDriver {
  readonly kind: 'simulated';
  /** Drives an open input to its active level (low for an active-low button). */
  press(pin: number): void;
  /** Drives an open input back to its resting level. */
  release(pin: number): void;
  /** Drives the electrical level of a pin, open or not, as a wire would. */
  set(pin: number, level: PinValue): void;
  /** The electrical level of a pin: what a meter on the header would read. */
  level(pin: number): PinValue;
  /** The logical value of an open pin (1 = lit or pressed). */
  value(pin: number): PinValue;
  isOpen(pin: number): boolean;
  openPins(): number[];
}

interface Line {
  direction: 'in' | 'out';
  activeLow: boolean;
  edge: PinEdge | 'none';
  watchers: ((value: PinValue) => void)[];
}

const flip = (v: PinValue): PinValue => (v === 1 ? 0 : 1);

export function createSimulatedPins(): SimulatedPins {
  const levels = new Map<number, PinValue>();
  const open = new Map<number, Line>();

  const logical = (line: Line, level: PinValue): PinValue => (line.activeLow ? flip(level) : level);
  const physical = (line: Line, value: PinValue): PinValue => (line.activeLow ? flip(value) : value);

  function openLine(pin: number, line: Line): void {
    // sysfs would let two owners share a pin; here it is always a wiring mistake.
    if (open.has(pin)) throw new Error(`GPIO: simulated pin ${pin} is already open`);
    open.set(pin, line);
  }

  function lineOf(pin: number, direction?: Line['direction']): Line {
    const line = open.get(pin);
    if (!line || (direction && line.direction !== direction)) {
      throw new Error(`GPIO: simulated pin ${pin} is not an open ${direction ?? 'pin'}`);
    }
    return line;
  }

  // A closed pin throws on use, as onoff does once its file is closed, so tests catch it.
  function live(pin: number, line: Line): Line {
    if (open.get(pin) !== line) throw new Error(`GPIO: simulated pin ${pin} is closed`);
    return line;
  }

  function closeLine(pin: number, line: Line): void {
    if (open.get(pin) === line) open.delete(pin);
    line.watchers = [];
  }

  function drive(pin: number, level: PinValue): void {
    const before = levels.get(pin);
    levels.set(pin, level);
    const line = open.get(pin);
    if (!line || line.direction !== 'in' || before === level) return;
    const value = logical(line, level);
    // Edges are in logical terms, as the kernel applies active_low before edge detection.
    const wanted = line.edge === 'both' || (line.edge === 'rising' ? value === 1 : line.edge === 'falling' && value === 0);
    if (wanted) for (const watcher of [...line.watchers]) watcher(value);
  }

  return {
    kind: 'simulated',

    input(pin, { edge, activeLow }): InputPin {
      const line: Line = { direction: 'in', activeLow, edge, watchers: [] };
      openLine(pin, line);
      // An undriven input rests at its inactive level, as a pulled-up or pulled-down button does.
      if (!levels.has(pin)) levels.set(pin, physical(line, 0));
      return {
        read: () => logical(live(pin, line), levels.get(pin) ?? 0),
        watch: (onChange) => { live(pin, line).watchers.push(onChange); },
        close: () => closeLine(pin, line),
      };
    },

    output(pin, { activeLow }): OutputPin {
      const line: Line = { direction: 'out', activeLow, edge: 'none', watchers: [] };
      openLine(pin, line);
      levels.set(pin, physical(line, 0));
      return {
        write: (value) => { levels.set(pin, physical(live(pin, line), value)); },
        read: () => logical(live(pin, line), levels.get(pin) ?? 0),
        close: () => closeLine(pin, line),
      };
    },

    close() {
      for (const [pin, line] of [...open]) closeLine(pin, line);
    },

    press(pin) {
      drive(pin, physical(lineOf(pin, 'in'), 1));
    },

    release(pin) {
      drive(pin, physical(lineOf(pin, 'in'), 0));
    },

    set(pin, level) {
      drive(pin, level);
    },

    level(pin) {
      return levels.get(pin) ?? 0;
    },

    value(pin) {
      return logical(lineOf(pin), levels.get(pin) ?? 0);
    },

    isOpen: (pin) => open.has(pin),
    openPins: () => [...open.keys()].sort((a, b) => a - b),
  };
}
