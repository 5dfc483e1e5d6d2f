import { describe, expect, it } from 'vitest';
import type { GpioConfig } from './gpio-config.ts';
import { panelPins } from './panel-pins.ts';

const config: GpioConfig = {
  room: 'r101',
  button: { bcm: 17, activeLow: true, debounceMs: 30, action: 'auto' },
  leds: { red: { bcm: 22, activeLow: false }, green: { bcm: 27, activeLow: true } },
};

describe('panelPins', () => {
  it('moves every BCM number through the resolver and keeps the wiring', () => {
    const pins = panelPins({ ...config, relay: { bcm: 23, activeLow: true } }, (bcm) => 512 + bcm);

    expect(pins).toEqual({
      button: { pin: 529, activeLow: true, debounceMs: 30 },
      red: { pin: 534, activeLow: false },
      green: { pin: 539, activeLow: true },
      relay: { pin: 535, activeLow: true },
    });
  });

  it('leaves the relay out when none is wired', () => {
    const pins = panelPins(config, (bcm) => bcm);

    expect(pins).not.toHaveProperty('relay');
  });
});
