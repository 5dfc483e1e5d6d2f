import type { Category, HoldCause, HoldClear, Room, RoomHold, Ticket } from '../contracts/index.ts';

/**
 * What holds a room from use and what would clear it: the one statement of that rule.
 * The status changes themselves are in `room-status.ts`, which asks `liftsHold` here.
 */

/** Do-Not-Use and recovery outlast the job that caused them: only its repair, or a person, lifts them. */
export const stickyStatus = (room: Room): boolean => room.status === 'do_not_use' || room.status === 'pending_recovery';

/**
 * Whether closing this ticket lifts the room's status: the ticket behind the status closing,
 * or an approved follow-up of the rejected job behind a Do-Not-Use or recovery status.
 */
export function liftsHold(room: Room, closed: Ticket): { lifts: boolean; repair: boolean } {
  const repair = stickyStatus(room) && closed.status === 'verified' && closed.parent !== null && closed.parent === room.ticket;
  return { lifts: repair || room.ticket === closed.id, repair };
}

/**
 * Whether closing this ticket could lift the room's status, whatever the close: `liftsHold`
 * answers no for every other ticket, so only these need the room's other open tickets.
 */
export const mayLiftHold = (room: Room, ticket: Ticket): boolean =>
  room.ticket !== null && (room.ticket === ticket.id || ticket.parent === room.ticket);

/** The policy of the job's last rejection set the room's current status. */
const setByRejection = (room: Room, job: Ticket): boolean => job.rejections.at(-1)?.roomStatus === room.status;

/**
 * Why the room is not available, from its status, its open tickets and their categories.
 * A room that is available is held by nothing, whatever tickets are open.
 */
export function roomHold(room: Room, open: readonly Ticket[], categoryOf: (id: string) => Category | undefined): RoomHold {
  if (room.status === 'available') return { held: false, status: room.status, causes: [], clears: [] };
  const causes: HoldCause[] = [];
  const clears: HoldClear[] = [];
  const behind = open.find((t) => t.id === room.ticket);
  const counted = new Set<string>();

  if (!behind) {
    causes.push({ code: 'set-by-hand', ticket: room.ticket, params: { status: room.status } });
  } else if (stickyStatus(room) && setByRejection(room, behind)) {
    causes.push({ code: 'rejection-policy', ticket: behind.id, params: { category: behind.category, status: room.status } });
    counted.add(behind.id);
    for (const followUp of open.filter((t) => t.parent === behind.id)) {
      causes.push({ code: 'follow-up-open', ticket: followUp.id, params: { priority: followUp.priority, parent: behind.id } });
      clears.push({ code: 'approve-follow-up', ticket: followUp.id });
      counted.add(followUp.id);
    }
    clears.push({ code: 'redo-job', ticket: behind.id });
  } else if (stickyStatus(room) && behind.parent) {
    // The rejected job was redone and approved first; its follow-up carries the status on.
    causes.push({ code: 'follow-up-open', ticket: behind.id, params: { priority: behind.priority, parent: behind.parent } });
    clears.push({ code: 'approve-follow-up', ticket: behind.id });
    counted.add(behind.id);
  }

  for (const job of open) {
    if (counted.has(job.id) || (job.id !== room.ticket && categoryOf(job.category)?.holdsRoom !== true)) continue;
    causes.push({ code: job.status === 'in_progress' ? 'job-in-progress' : 'job-open', ticket: job.id, params: { category: job.category } });
    clears.push({ code: 'finish-job', ticket: job.id });
  }
  clears.push({ code: 'set-available', ticket: null });
  return { held: true, status: room.status, causes, clears };
}
