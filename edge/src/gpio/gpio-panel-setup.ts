import { loadGpioConfig, type GpioConfig } from './gpio-config.ts';
import { panelPins, type PanelPins } from './panel-pins.ts';
import type { PinDriver } from './pin-driver.ts';
import { createOnoffDriver } from './pins.onoff.ts';
import { createSimulatedPins } from './pins.simulated.ts';
import { gpioAvailable, resolveHeaderChip } from './sysfs-base.ts';

export interface GpioPanelSetup {
  driver: PinDriver;
  pins: PanelPins;
  config: GpioConfig;
}

export interface OpenGpioPanelOptions {
  configFile: string;
  /** Where `sys/class/gpio` is looked for; tests point it at a fake tree. */
  root?: string;
  log: (line: string) => void;
}

/**
 * Everything `startGpioPanel` needs, from a config file. Without sysfs GPIO
 * (a laptop, CI) the panel runs on simulated pins, so the gateway starts the same way
 * everywhere. Opens no pin itself: that is the panel's job.
 */
export async function openGpioPanel({ configFile, root = '/', log }: OpenGpioPanelOptions): Promise<GpioPanelSetup> {
  const config = loadGpioConfig(configFile);
  if (!gpioAvailable(root)) {
    log('GPIO: /sys/class/gpio not found, using simulated pins');
    // Simulated pins have no chip offset; their numbers are the BCM numbers.
    return { driver: createSimulatedPins(), pins: panelPins(config, (bcm) => bcm), config };
  }
  const chip = resolveHeaderChip(root, config.chip);
  const pins = panelPins(config, chip.toSysfs);
  const driver = await createOnoffDriver({
    onWatchError: (pin, error) => log(`GPIO: reading sysfs pin ${pin} failed: ${error.message}`),
  });
  log(`GPIO: room ${config.room} on ${chip.name} "${chip.label}" (BCM n = sysfs ${chip.base}+n)`);
  return { driver, pins, config };
}
