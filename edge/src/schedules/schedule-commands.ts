import type { Change, Schedule, ScheduleCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reads } from '../tickets/site-reads.ts';
import { recurrenceOf } from './recurrence.ts';
import { placeOf } from './schedule-place.ts';
import { nextDue, runSchedule } from './schedule-run.ts';
import { workingDaysOf } from './site-working-days.ts';

const ruleChanged = (a: Schedule, b: Schedule) =>
  a.rrule !== b.rrule || a.start !== b.start || a.timeZone !== b.timeZone || a.leadMinutes !== b.leadMinutes || a.holidays !== b.holidays;

function checked(store: SiteStore, schedule: Schedule): Schedule {
  reads.category(store, schedule.category);
  if (!store.directory.team(schedule.team)) throw new Invalid('UNKNOWN_TEAM', `there is no team ${schedule.team}`, { team: schedule.team });
  placeOf(store, schedule.place);
  recurrenceOf(schedule);
  return schedule;
}

function scheduleOf(store: SiteStore, target: unknown): Schedule {
  const id = (target as { schedule?: string }).schedule ?? '';
  const schedule = store.schedules.get(id);
  if (!schedule) throw new NotFound('schedule', id);
  return schedule;
}

/** Keeping schedules of planned work, and making each due occurrence's ticket once. */
export const scheduleCommands: CommandModule<ScheduleCommand> = {
  types: ['create-schedule', 'update-schedule', 'remove-schedule', 'run-schedule'],

  run(store, { actor, target, command, at, nextTicketId, newToken }) {
    switch (command.type) {
      case 'create-schedule': {
        assertMay(actor.role, 'manage-schedules');
        const body = command.schedule;
        const category = reads.category(store, body.category);
        const schedule = checked(store, {
          id: `S-${newToken(6)}`, title: body.title, place: body.place, rrule: body.rrule.replace(/^RRULE:/i, '').toUpperCase(), start: body.start, timeZone: body.timeZone,
          category: category.id, team: body.team ?? category.team, priority: body.priority ?? 'normal', checklist: body.checklist ?? [],
          leadMinutes: body.leadMinutes ?? 0, holidays: body.holidays ?? 'next-working-day', active: body.active ?? true,
          createdAt: at, updatedAt: at, since: at,
        });
        const changes: Change[] = [{ entity: 'schedule', type: 'schedule-created', state: schedule, nextDue: nextDue(store, schedule, null, workingDaysOf(store)) }];
        return { changes, result: schedule };
      }
      case 'update-schedule': {
        assertMay(actor.role, 'manage-schedules');
        const before = scheduleOf(store, target);
        const { rrule, team, ...rest } = command.changes;
        const merged: Schedule = {
          ...before, ...rest, ...(rrule ? { rrule: rrule.replace(/^RRULE:/i, '').toUpperCase() } : {}),
          team: team ?? (command.changes.category ? reads.category(store, command.changes.category).team : before.team), updatedAt: at,
        };
        // A rule changed plans from now on: occurrences of the old rule are not caught up under the new one.
        const schedule = checked(store, ruleChanged(before, merged) ? { ...merged, since: at } : merged);
        const last = store.schedules.lastMade(schedule.id);
        const changes: Change[] = [{ entity: 'schedule', type: 'schedule-updated', state: schedule, nextDue: nextDue(store, schedule, last, workingDaysOf(store)) }];
        return { changes, result: schedule };
      }
      case 'remove-schedule': {
        assertMay(actor.role, 'manage-schedules');
        const schedule = { ...scheduleOf(store, target), active: false, updatedAt: at };
        return { changes: [{ entity: 'schedule', type: 'schedule-removed', state: schedule, nextDue: null }], result: schedule };
      }
      case 'run-schedule': {
        assertMay(actor.role, 'run-schedules');
        return runSchedule(store, scheduleOf(store, target), { actor, at, nextTicketId });
      }
    }
  },
};
