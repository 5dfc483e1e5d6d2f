import { z } from 'zod';
import { AttachmentId, CategoryId, RoomId, TeamId, TicketId, Username } from './ids.ts';
import { Priority, Ticket, type TicketStatus } from './domain.ts';
import { PersonId } from './directory.ts';
import { EmailAddress, PhoneNumber, Text } from './text.ts';

/** Where an inquiry stands in the tenant's words: To do, In progress, Done. */
export const InquiryStage = z.enum(['todo', 'in_progress', 'done']);
export type InquiryStage = z.infer<typeof InquiryStage>;

/** The one mapping of the lifecycle onto the tenant's three steps. */
export function inquiryStage(status: TicketStatus): InquiryStage {
  switch (status) {
    case 'in_progress': return 'in_progress';
    case 'done': case 'verified': case 'cancelled': return 'done';
    default: return 'todo';
  }
}


/** Who inquired: a person in the directory, or a new contact made from a phone call. */
export const InquiryReporter = z.union([
  z.strictObject({ person: PersonId }),
  z.strictObject({ name: Text(120), email: EmailAddress.optional(), phone: PhoneNumber.optional() }),
]);
export type InquiryReporter = z.infer<typeof InquiryReporter>;

/** An inquiry staff take by hand (a phone call). */
export const CreateInquiryBody = z.strictObject({
  reporter: InquiryReporter,
  room: RoomId,
  category: CategoryId,
  title: Text(120),
  description: Text(2000),
  priority: Priority.default('normal'),
  /** The responsible person. */
  assignee: Username.optional(),
});

/** An answer to the reporter (by mail, and on the tracking page), unlike the staff's own comment. */
export const ReplyBody = z.strictObject({
  text: Text(4000),
  attachments: z.array(AttachmentId).max(10).optional(),
});

/** A task or work order opened from an inquiry. */
export const ChildBody = z.strictObject({
  kind: z.enum(['task', 'work_order']),
  title: Text(120),
  description: Text(2000),
  team: TeamId.optional(),
  assignee: Username.optional(),
  priority: Priority.optional(),
}).refine((b) => !(b.team && b.assignee), { message: 'name a team or an assignee, not both', path: ['team'] });

/** An inquiry's child tasks and where they stand; `mayClose` once all are done. */
export const ChildrenView = z.object({
  parent: TicketId,
  children: z.array(z.object({ id: TicketId, kind: z.string(), title: z.string(), status: z.string(), stage: InquiryStage, assignee: Username.nullable(), team: TeamId })),
  done: z.number().int(),
  total: z.number().int(),
  mayClose: z.boolean(),
});
export type ChildrenView = z.infer<typeof ChildrenView>;


/** A new inquiry with the reporter's tracking link (at the gateway's public address). */
export const InquiryCreated = z.object({ ticket: Ticket, trackToken: z.string(), trackUrl: z.string() });
