import type { CommandModule } from '../commands/command-module.ts';
import type { EscalationCommand } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import { decideEscalation } from './escalate-breach.ts';
import { slaOf } from './sla-keeper.ts';
import { siteWorkingTime } from './site-working-time.ts';

/** Escalating a breached service level (the gateway's clock), and what each category does on a breach. */
export const escalationCommands: CommandModule<EscalationCommand> = {
  types: ['escalate-breach', 'set-escalation'],

  run(store, { actor, target, command, at }) {
    switch (command.type) {
      case 'escalate-breach': {
        assertMay(actor.role, 'escalate-breach');
        const id = (target as { ticket?: string }).ticket ?? '';
        const ticket = store.tickets.get(id);
        if (!ticket) throw new NotFound('ticket', id);
        const sla = slaOf(store, id, at);
        const category = store.directory.category(ticket.category);
        if (!sla || !category) throw new NotFound('service level of ticket', id);
        return decideEscalation({
          ticket, sla, breach: command.breach, category, team: store.directory.team(ticket.team),
          workingNow: siteWorkingTime(store).isWorkingTime(Date.parse(at)),
          escalatedBefore: store.slaEscalations.escalation(id, command.breach) !== undefined, actor, at,
        });
      }
      case 'set-escalation': {
        assertMay(actor.role, 'set-escalation');
        const id = (target as { category?: string }).category ?? '';
        const category = store.directory.category(id);
        if (!category) throw new NotFound('category', id);
        const state = { ...category, escalation: command.escalation };
        return { changes: [{ entity: 'category', type: 'category-escalation-changed', state }], result: state };
      }
    }
  },
};
