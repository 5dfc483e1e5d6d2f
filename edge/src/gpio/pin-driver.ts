/**
 * What the door panel needs from GPIO, and nothing more, so the panel can run on
 * real sysfs pins or on simulated ones without knowing which.
 *
 * Pin numbers are sysfs numbers, already resolved from BCM (see sysfs-base.ts):
 * a driver never guesses offsets. Values are logical, with `activeLow` applied by
 * the driver as the kernel does, so 1 always means "pressed" or "lit".
 */
export type PinValue = 0 | 1;

export type PinEdge = 'both' | 'rising' | 'falling';

export interface InputPin {
  read(): PinValue;
  /** Called with the value after each edge the pin was opened for. */
  watch(onChange: (value: PinValue) => void): void;
  close(): void;
}

export interface OutputPin {
  write(value: PinValue): void;
  read(): PinValue;
  close(): void;
}

export interface PinDriver {
  readonly kind: 'sysfs' | 'simulated';
  input(pin: number, opts: { edge: PinEdge; activeLow: boolean }): InputPin;
  /** Outputs start logically off (0), so an active-low lamp does not flash on at start. */
  output(pin: number, opts: { activeLow: boolean }): OutputPin;
  /** Releases every pin still open through this driver. */
  close(): void;
}
