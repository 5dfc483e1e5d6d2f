import { readFileSync } from 'node:fs';
import { z } from 'zod';

// Only GPIO 0–27 reach the 40-pin header on every model.
const Bcm = z.number().int().min(0).max(27);

const Lamp = z.strictObject({
  bcm: Bcm,
  // An LED or relay module sourced from the pin lights on high unless told otherwise.
  activeLow: z.boolean().default(false),
});

/** The door panel's wiring, in BCM numbers as printed on header diagrams. */
export const GpioConfig = z.strictObject({
  room: z.string().min(1),
  /** Label of the GPIO chip, for boards whose header chip is not recognised. */
  chip: z.string().min(1).optional(),
  button: z.strictObject({
    bcm: Bcm,
    // A button to ground with the pull-up on is the usual wiring, so pressed reads low.
    activeLow: z.boolean().default(true),
    debounceMs: z.number().int().min(0).max(1000).default(50),
    action: z.enum(['request_service', 'approve', 'auto']).default('auto'),
  }),
  leds: z.strictObject({ red: Lamp, green: Lamp }),
  /** The "Do Not Use" lamp. */
  relay: Lamp.optional(),
}).superRefine((config, ctx) => {
  const used = new Map<number, string>();
  const wired: [string[], number | undefined][] = [
    [['button', 'bcm'], config.button.bcm],
    [['leds', 'red', 'bcm'], config.leds.red.bcm],
    [['leds', 'green', 'bcm'], config.leds.green.bcm],
    [['relay', 'bcm'], config.relay?.bcm],
  ];
  for (const [path, bcm] of wired) {
    if (bcm === undefined) continue;
    const owner = used.get(bcm);
    if (owner) ctx.addIssue({ code: 'custom', path, message: `BCM ${bcm} is already used by ${owner}` });
    else used.set(bcm, path.slice(0, -1).join('.'));
  }
});

export type GpioConfig = z.infer<typeof GpioConfig>;

/** Every problem in a config file, each with its path, so one edit fixes them all. */
export class GpioConfigError extends Error {
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`GPIO config ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GpioConfigError';
    this.problems = problems;
  }
}

export function loadGpioConfig(file: string): GpioConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GpioConfigError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = GpioConfig.safeParse(raw);
  if (!parsed.success) {
    throw new GpioConfigError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  }
  return parsed.data;
}
