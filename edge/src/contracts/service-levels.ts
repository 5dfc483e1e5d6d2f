import { z } from 'zod';
import { Priority } from './domain.ts';
import { CategoryId } from './ids.ts';
import { WaitReason } from './sla-clock.ts';

/** Targets for one category and priority, in working minutes. */
export const SlaTarget = z.strictObject({
  category: CategoryId,
  priority: Priority,
  responseMinutes: z.number().int().positive().max(525_600),
  resolutionMinutes: z.number().int().positive().max(525_600),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

/** The site's service levels: targets per category × priority, and the waits that pause the clock. */
export const SlaTargetsBody = z.strictObject({
  targets: z.array(SlaTarget).max(1000),
  pausing: z.array(WaitReason).max(3).default(['tenant', 'vendor', 'visit']),
});
export const SlaTargets = z.object({ targets: z.array(SlaTarget), pausing: z.array(WaitReason) });
export type SlaTargets = z.infer<typeof SlaTargets>;

