import type { ChecklistCommand, Ticket } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid } from '../domain-error.ts';
import { refusal } from '../rights/refusal.ts';
import { reads } from './site-reads.ts';

const MAX_ITEMS = 50;

/** A ticket's checklist: the worker ticks items off; staff of the team add items while it is open. */
export const checklistCommands: CommandModule<ChecklistCommand> = {
  types: ['tick-checklist-item', 'add-checklist-item'],

  run(store, { actor, target, command, at }) {
    const ticket = reads.ticket(store, reads.key(target, 'ticket'));
    const refused = refusal(actor, command.type === 'tick-checklist-item' ? 'tick-checklist' : 'add-checklist-item', ticket);
    if (refused) throw refused;
    const items = ticket.checklist ?? [];
    let checklist: NonNullable<Ticket['checklist']>;
    let note: string;
    if (command.type === 'tick-checklist-item') {
      const item = items.find((i) => i.id === command.item);
      if (!item) throw new Invalid('UNKNOWN_CHECKLIST_ITEM', `the ticket's checklist has no item ${command.item}`, { item: command.item, items: items.map((i) => i.id) });
      checklist = items.map((i) => (i.id === item.id ? { ...i, done: command.done, by: command.done ? actor.ref : null, at: command.done ? at : null } : i));
      note = `${command.done ? 'ticked' : 'unticked'} ${item.id}: ${item.text}`;
    } else {
      if (items.length >= MAX_ITEMS) throw new Invalid('CHECKLIST_FULL', `a checklist holds at most ${MAX_ITEMS} items`, { max: MAX_ITEMS });
      const id = `c${items.reduce((n, i) => Math.max(n, Number(i.id.slice(1))), 0) + 1}`;
      checklist = [...items, { id, text: command.text, done: false, by: null, at: null }];
      note = `added ${id}: ${command.text}`;
    }
    const state: Ticket = {
      ...ticket, checklist, updatedAt: at,
      history: [...ticket.history, { at, actor: actor.ref, action: 'checklist', status: ticket.status, assignee: ticket.assignee, note }],
    };
    return { changes: [{ entity: 'ticket', type: 'ticket-checklist-changed', state }], result: { ticket: state } };
  },
};
