import { z } from 'zod';
import { IsoTime, ScheduleId, TicketId } from './ids.ts';
import { Text } from './text.ts';

/** What a ticket made by a schedule remembers of it. */
export const PlannedBy = z.object({ schedule: ScheduleId, occurrence: IsoTime });
export type PlannedBy = z.infer<typeof PlannedBy>;

/** One item of a ticket's checklist: from its schedule or added by staff; ticked by whoever works it. */
export const ChecklistItem = z.object({
  id: z.string().regex(/^c\d{1,3}$/),
  text: z.string(),
  done: z.boolean(),
  by: z.string().nullable(),
  at: IsoTime.nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export const ChecklistItemId = z.string().regex(/^c\d{1,3}$/, 'a checklist item id looks like c1');
export const ChecklistParams = z.strictObject({ id: TicketId, item: ChecklistItemId });
export const TickBody = z.strictObject({ done: z.boolean() });
export const ChecklistAddBody = z.strictObject({ text: Text(200) });
