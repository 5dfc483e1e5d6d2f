import type { CentralCommand } from '@doorside/edge/contracts';

/** A command in a few words, for the agent's log. */
export function describe(command: CentralCommand): string {
  switch (command.type) {
    case 'reassign': return `reassign ${command.ticket} to ${command.assignee ?? command.team ?? 'nobody'}`;
    case 'vendor-accepted': return `${command.vendor} accepts ${command.ticket}`;
    case 'set-room-status': return `room ${command.room} ${command.status}`;
    case 'set-rejection-policy': return `rejection policy of ${command.category}`;
    case 'payment-notice': return `${command.notice.provider} payment ${command.notice.tradeNo}`;
    case 'vendor-action': return `vendor ${command.action} on link ${command.digest.slice(0, 8)}…`;
  }
}
