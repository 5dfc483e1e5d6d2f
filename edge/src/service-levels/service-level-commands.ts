import { workingCalendar } from '../calendar/working-calendar.ts';
import type { CommandModule } from '../commands/command-module.ts';
import type { ServiceLevelCommand } from '../contracts/index.ts';
import { assertMay } from '../rights/refusal.ts';

/** The site's working-hours calendar. */
export const serviceLevelCommands: CommandModule<ServiceLevelCommand> = {
  types: ['set-working-calendar'],

  run(_store, { actor, command }) {
    switch (command.type) {
      case 'set-working-calendar': {
        assertMay(actor.role, 'manage-service-levels');
        // Refuses an unknown time zone, overlapping hours or a holiday file that does not parse.
        workingCalendar(command.calendar);
        return { changes: [{ entity: 'calendar', type: 'working-calendar-set', state: command.calendar }], result: command.calendar };
      }
    }
  },
};
