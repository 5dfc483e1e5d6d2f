import { workingCalendar } from '../calendar/working-calendar.ts';
import type { CommandModule } from '../commands/command-module.ts';
import type { ServiceLevelCommand } from '../contracts/index.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { refusal, assertMay } from '../rights/refusal.ts';
import { actionsIn } from '../rights/rights.ts';
import { IllegalTransition } from '../rights/refusals.ts';

const WORKED = ['new', 'assigned', 'in_progress', 'rejected', 'escalated'];

/** The site's working-hours calendar and service-level targets; a ticket waiting, which pauses its clocks. */
export const serviceLevelCommands: CommandModule<ServiceLevelCommand> = {
  types: ['set-working-calendar', 'set-sla-targets', 'set-waiting', 'start-sla-clocks'],

  run(store, { actor, target, command, at }) {
    switch (command.type) {
      case 'set-working-calendar': {
        assertMay(actor.role, 'manage-service-levels');
        // Refuses an unknown time zone, overlapping hours or a holiday file that does not parse.
        workingCalendar(command.calendar);
        return { changes: [{ entity: 'calendar', type: 'working-calendar-set', state: command.calendar }], result: command.calendar };
      }
      case 'set-sla-targets': {
        assertMay(actor.role, 'manage-service-levels');
        const unknown = [...new Set(command.targets.targets.map((t) => t.category).filter((id) => !store.directory.category(id)))];
        if (unknown.length > 0) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${unknown.join(', ')}`, { categories: unknown });
        const keys = command.targets.targets.map((t) => `${t.category}/${t.priority}`);
        const twice = keys.find((k, i) => keys.indexOf(k) !== i);
        if (twice) throw new Invalid('DUPLICATE_SLA_TARGET', `${twice} has two targets`, { target: twice });
        const state = { targets: command.targets.targets, pausing: [...new Set(command.targets.pausing)] };
        return { changes: [{ entity: 'sla-targets', type: 'sla-targets-set', state }], result: state };
      }
      case 'set-waiting': {
        const id = (target as { ticket?: string }).ticket ?? '';
        const ticket = store.tickets.get(id);
        if (!ticket) throw new NotFound('ticket', id);
        const refused = refusal(actor, 'set-waiting', ticket, 'wait', () =>
          (WORKED.includes(ticket.status) ? null : new IllegalTransition('wait', ticket.status, actionsIn(ticket.status))));
        if (refused) throw refused;
        const { waiting: _was, ...rest } = ticket;
        const entry = { at, actor: actor.ref, action: command.waiting ? 'wait' : 'resume', status: ticket.status, assignee: ticket.assignee, ...(command.note ? { note: command.note } : {}) };
        const moved = { ...rest, updatedAt: at, history: [...ticket.history, entry] };
        const state = command.waiting ? { ...moved, waiting: { reason: command.waiting, since: at } } : moved;
        return { changes: [{ entity: 'ticket', type: 'ticket-waiting-set', state }], result: { ticket: state } };
      }
      case 'start-sla-clocks': {
        assertMay(actor.role, 'start-sla-clocks');
        const id = (target as { ticket?: string }).ticket ?? '';
        if (!store.tickets.get(id)) throw new NotFound('ticket', id);
        // Once: a ticket whose clocks are kept is left as it is.
        if (store.serviceLevels.clocks(id)) return { changes: [], result: { ticket: id, started: false } };
        return { changes: [{ entity: 'sla-clocks', type: 'sla-clocks-started', state: { ticket: id } }], result: { ticket: id, started: true } };
      }
    }
  },
};
