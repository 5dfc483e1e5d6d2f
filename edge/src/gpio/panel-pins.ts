import type { GpioConfig } from './gpio-config.ts';

export interface PanelPin {
  /** sysfs number, already resolved from BCM */
  pin: number;
  activeLow: boolean;
}

/** The door panel's wiring in the numbers a PinDriver takes. */
export interface PanelPins {
  button: PanelPin & { debounceMs: number };
  red: PanelPin;
  green: PanelPin;
  relay?: PanelPin;
}

export function panelPins(config: GpioConfig, toSysfs: (bcm: number) => number): PanelPins {
  const lamp = ({ bcm, activeLow }: { bcm: number; activeLow: boolean }): PanelPin => ({ pin: toSysfs(bcm), activeLow });
  const { button, leds, relay } = config;
  return {
    button: { pin: toSysfs(button.bcm), activeLow: button.activeLow, debounceMs: button.debounceMs },
    red: lamp(leds.red),
    green: lamp(leds.green),
    ...(relay ? { relay: lamp(relay) } : {}),
  };
}
