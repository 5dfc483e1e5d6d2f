import type { Change, InquiryCommand, Reporter, Ticket } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import { Invalid, Refusal } from '../domain-error.ts';
import { refusal } from '../rights/refusal.ts';
import { tokenDigest } from '../auth/token.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openTicket } from '../tickets/open-ticket.ts';
import { reads } from '../tickets/site-reads.ts';
import { linkChange, newContact, noLinks, relinked, replyChange } from './inquiry-rules.ts';

const known = (store: SiteStore) => ({
  person: (id: string) => store.entries.persons.get(id) !== undefined,
  unit: (id: string) => store.entries.units.get(id) !== undefined,
  installation: (id: string) => store.entries.installations.get(id) !== undefined,
});

const withState = (changes: Change[], ticket: Ticket): Change[] =>
  changes.map((c) => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, state: ticket } : c));

function openInquiry(store: SiteStore, input: CommandInput<Extract<InquiryCommand, { type: 'open-inquiry' }>>): Outcome {
  const { actor, command, at, newToken } = input;
  const room = reads.room(store, reads.key(input.target, 'room'));
  const category = reads.category(store, command.category);
  const assignee = command.assignee ? reads.user(store, command.assignee) : null;
  const before: Change[] = [];
  let personId: string;
  if ('person' in command.reporter) {
    personId = command.reporter.person;
    if (!store.entries.persons.get(personId)) throw new Invalid('UNKNOWN_PERSON', `there is no person ${personId}`, { persons: [personId] });
  } else {
    const person = newContact(`P-${newToken(6)}`, command.reporter, at);
    personId = person.id;
    before.push({ entity: 'person', type: 'person-created', state: person });
  }
  const person = store.entries.persons.get(personId);
  const contact = 'person' in command.reporter ? person?.email ?? person?.phone ?? null : command.reporter.email ?? command.reporter.phone ?? null;
  const reporter: Reporter = { kind: 'person', id: personId, contact };
  const opened = openTicket({
    id: input.nextTicketId(), at, actor, room, category, kind: 'inquiry', priority: command.priority,
    title: command.title, description: command.description, reporter, assignee, parent: null,
  });
  const ticket: Ticket = { ...opened.ticket, links: { ...noLinks, persons: [personId] } };
  // The reporter follows the inquiry, and reads the replies, through a tracking link (the mail carries it).
  const trackToken = newToken(18);
  const changes = withState(opened.changes, ticket).map((c) => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, trackDigest: tokenDigest(trackToken), trackToken } : c));
  return { changes: [...before, ...changes], result: { ticket, trackToken } };
}

function openChild(store: SiteStore, input: CommandInput<Extract<InquiryCommand, { type: 'open-child' }>>, parent: Ticket): Outcome {
  const { actor, command, at } = input;
  const hidden = refusal(actor, 'view', parent);
  if (hidden) throw hidden;
  if (parent.kind !== 'inquiry') throw new Refusal('NOT_AN_INQUIRY', `${parent.id} is a ${parent.kind}, not an inquiry`, { kind: parent.kind });
  const category = reads.category(store, parent.category);
  if (command.team && !store.directory.team(command.team)) throw new Invalid('UNKNOWN_TEAM', `there is no team ${command.team}`);
  const assignee = command.assignee ? reads.user(store, command.assignee) : null;
  const team = command.team ?? (assignee && !assignee.teams.includes(category.team) ? assignee.teams[0] : undefined) ?? category.team;
  const room = reads.room(store, parent.room);
  const opened = openTicket({
    id: input.nextTicketId(), at, actor, room, category: { ...category, team }, kind: command.kind, priority: command.priority ?? parent.priority,
    title: command.title, description: command.description, reporter: { kind: 'user', id: actor.ref, contact: null }, assignee, parent: parent.id,
  });
  const ticket: Ticket = { ...opened.ticket, links: parent.links ?? noLinks };
  return { changes: withState(opened.changes, ticket), result: { ticket } };
}

/** Inquiries: taking one by hand, linking tickets to the directory, answering reporters, child tasks. */
export const inquiryCommands: CommandModule<InquiryCommand> = {
  types: ['open-inquiry', 'link-ticket', 'reply', 'open-child'],

  run(store, input): Outcome {
    const { command, actor, at } = input;
    if (command.type === 'open-inquiry') return openInquiry(store, input as CommandInput<typeof command>);
    const ticket = reads.ticket(store, reads.key(input.target, 'ticket'));
    switch (command.type) {
      case 'open-child':
        return openChild(store, input as CommandInput<typeof command>, ticket);
      case 'link-ticket': {
        const refused = refusal(actor, 'link', ticket);
        if (refused) throw refused;
        const change = linkChange(ticket, relinked(ticket.links, command, known(store)), at, actor);
        return { changes: [change], result: { ticket: change.state } };
      }
      case 'reply': {
        const refused = refusal(actor, 'reply', ticket);
        if (refused) throw refused;
        const change = replyChange(ticket, command.text, command.attachments ?? [], at, actor);
        return { changes: [change], result: { ticket: change.state } };
      }
    }
  },

  check(store, input) {
    const { command, actor } = input;
    if (command.type === 'open-inquiry') return refusal(actor, 'create');
    const ticket = reads.ticket(store, reads.key(input.target, 'ticket'));
    return refusal(actor, command.type === 'open-child' ? 'view' : command.type === 'link-ticket' ? 'link' : 'reply', ticket);
  },
};
