import type { CommandModule } from '../commands/command-module.ts';
import type { Change, Excursion, ThresholdCommand, ThresholdRule } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import { assertMay, roomRefusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openTicket } from '../tickets/open-ticket.ts';
import { reads } from '../tickets/site-reads.ts';
import { excursionStep } from './excursion.ts';
import { thresholdPlace } from './threshold-place.ts';

function ruleOf(store: SiteStore, target: unknown): ThresholdRule {
  const id = (target as { threshold?: string }).threshold ?? '';
  const rule = store.thresholds.get(id);
  if (!rule) throw new NotFound('threshold', id);
  return rule;
}

function checked(store: SiteStore, rule: ThresholdRule): ThresholdRule {
  reads.category(store, rule.category);
  return { ...rule, room: thresholdPlace(store, rule.place).room.id };
}

type Taken = { rule: string; change: 'started' | 'ticket-opened' | 'ended'; ticket: string | null };

/** Sensor thresholds: keeping the rules, and judging each reading a device sends against its room's. */
export const thresholdCommands: CommandModule<ThresholdCommand> = {
  types: ['define-threshold', 'update-threshold', 'remove-threshold', 'take-reading'],

  run(store, { actor, target, command, at, newToken, nextTicketId }) {
    switch (command.type) {
      case 'define-threshold': {
        assertMay(actor.role, 'manage-thresholds');
        const body = command.rule;
        const rule = checked(store, {
          id: `H-${newToken(6)}`, title: body.title, place: body.place, room: '', measure: body.measure, direction: body.direction, limit: body.limit,
          forMinutes: body.forMinutes, category: body.category, priority: body.priority ?? 'normal', active: body.active ?? true, createdAt: at, updatedAt: at,
        });
        return { changes: [{ entity: 'threshold', type: 'threshold-defined', state: rule }], result: rule };
      }
      case 'update-threshold': {
        assertMay(actor.role, 'manage-thresholds');
        const rule = checked(store, { ...ruleOf(store, target), ...command.changes, updatedAt: at });
        return { changes: [{ entity: 'threshold', type: 'threshold-updated', state: rule }, ...endedIfOff(store, rule, at)], result: rule };
      }
      case 'remove-threshold': {
        assertMay(actor.role, 'manage-thresholds');
        const rule = { ...ruleOf(store, target), active: false, updatedAt: at };
        return { changes: [{ entity: 'threshold', type: 'threshold-removed', state: rule }, ...endedIfOff(store, rule, at)], result: rule };
      }
      case 'take-reading': {
        const id = (target as { device?: string }).device ?? '';
        const device = store.directory.device(id)?.device;
        if (!device || device.revoked) throw new NotFound('device', id);
        const refused = roomRefusal(actor, 'take-reading', device.room);
        if (refused) throw refused;
        const changes: Change[] = [];
        const taken: Taken[] = [];
        for (const rule of store.thresholds.watching(device.room, command.sensor)) {
          const step = excursionStep(rule, store.thresholds.excursion(rule.id), command.value, at);
          if (!step) continue;
          if (step.change === 'ended') {
            changes.push({ entity: 'excursion', type: 'excursion-ended', state: step.excursion });
            taken.push({ rule: rule.id, change: 'ended', ticket: step.excursion.ticket });
            continue;
          }
          if (step.change === 'started') {
            changes.push({ entity: 'excursion', type: 'excursion-started', state: step.excursion });
            taken.push({ rule: rule.id, change: 'started', ticket: null });
            if (!step.opens) continue;
          }
          const opened = workFor(store, rule, step.excursion, device.id, at, nextTicketId);
          changes.push(...opened.changes);
          taken.push({ rule: rule.id, change: 'ticket-opened', ticket: opened.excursion.ticket });
        }
        return { changes, result: { excursions: taken } };
      }
    }
  },
};

/** A rule switched off ends the excursion it had under way. */
function endedIfOff(store: SiteStore, rule: ThresholdRule, at: string): Change[] {
  const current = store.thresholds.excursion(rule.id);
  return !rule.active && current ? [{ entity: 'excursion', type: 'excursion-ended', state: { ...current, lastAt: at } }] : [];
}

function workFor(store: SiteStore, rule: ThresholdRule, excursion: Excursion, device: string, at: string, nextTicketId: () => string): { changes: Change[]; excursion: Excursion } {
  const { room, installation } = thresholdPlace(store, rule.place);
  const { ticket, changes } = openTicket({
    id: nextTicketId(), at, actor: systemActor, room, category: reads.category(store, rule.category), kind: 'task', priority: rule.priority,
    title: rule.title,
    description: `${rule.measure} ${rule.direction} ${rule.limit} since ${excursion.since} (last reading ${excursion.value}, device ${device}).`,
    reporter: { kind: 'device', id: device, contact: null }, assignee: null, parent: null,
  });
  const linked = installation ? { ...ticket, links: { persons: [], unit: null, installation } } : ticket;
  const withTicket = { ...excursion, ticket: ticket.id };
  return {
    changes: [
      ...changes.map((c) => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, state: linked } : c)),
      { entity: 'excursion', type: 'excursion-ticket-opened', state: withTicket },
    ],
    excursion: withTicket,
  };
}
