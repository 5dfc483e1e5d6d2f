import { Priority, TicketStatus } from '@doorside/edge/contracts';
import type { MessageKey } from '../../i18n/index.ts';

export const statusKey = (status: TicketStatus): MessageKey => `central.st.${status}`;
export const priorityKey = (priority: Priority): MessageKey => `central.pr.${priority}`;

/** A status or priority as the central server sent it, in words; one this page does not know is shown as it came. */
export function statusWord(t: (key: MessageKey) => string, status: string): string {
  const known = TicketStatus.safeParse(status);
  return known.success ? t(statusKey(known.data)) : status;
}

export function priorityWord(t: (key: MessageKey) => string, priority: string): string {
  const known = Priority.safeParse(priority);
  return known.success ? t(priorityKey(known.data)) : priority;
}
