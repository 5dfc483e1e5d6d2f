import type { OpenTicketCommand, Reporter } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { tokenDigest } from '../auth/token.ts';
import { openTicket } from './open-ticket.ts';
import { reads } from './site-reads.ts';

/** An occupant's report (its tracking link handed out once), a staff task or inquiry, a device's request, the gateway's alert. */
export const openCommands: CommandModule<OpenTicketCommand> = {
  types: ['open-ticket'],

  run(store, { actor, target, command, at, nextTicketId, newToken }) {
    const roomId = reads.key(target, 'room');
    const qr = (target as { qr?: string }).qr;
    const room = qr !== undefined ? reads.roomByCode(store, roomId, qr) : reads.room(store, roomId);
    const category = reads.category(store, command.category);
    const assignee = command.assignee ? reads.user(store, command.assignee) : null;
    // Someone outside the site who left an address (an occupant's report, a mail) follows it as an occupant does.
    const reporter: Reporter = command.kind === 'report' || command.contact
      ? { kind: 'occupant', id: null, contact: command.contact ?? null }
      : { kind: 'user', id: actor.ref, contact: null };
    const { ticket, changes } = openTicket({
      id: nextTicketId(), at, actor, room, category, kind: command.kind, priority: command.priority,
      ...(command.title ? { title: command.title } : {}), description: command.description,
      reporter, assignee, parent: null, ...(command.attachments ? { attachments: command.attachments } : {}),
    });
    // A report's tracking link is the occupant's only key to it: shown once, stored as a digest.
    const trackToken = reporter.kind === 'occupant' ? newToken(18) : null;
    const [opened, ...rest] = changes;
    const withLink = opened?.entity === 'ticket' && trackToken ? [{ ...opened, trackDigest: tokenDigest(trackToken) }, ...rest] : changes;
    const alert = command.alertFor ? [{ entity: 'offline-alert' as const, type: 'offline-alert-set' as const, state: { device: command.alertFor, ticket: ticket.id } }] : [];
    return { changes: [...withLink, ...alert], result: { ticket, trackToken } };
  },

  check(store, { target }) {
    const qr = (target as { qr?: string }).qr;
    if (qr !== undefined) reads.roomByCode(store, reads.key(target, 'room'), qr);
    return null;
  },
};
