import type { Category, NamesCommand, Room, Team } from '../contracts/index.ts';
import type { Names } from '../contracts/phrase.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';

/** A map given replaces the one held; an empty one clears it; one not given stays. */
function merged<T extends object>(held: T, field: keyof T & string, given: object | undefined): T {
  if (given === undefined) return held;
  const { [field]: _dropped, ...rest } = held as Record<string, unknown>;
  return (Object.keys(given).length > 0 ? { ...rest, [field]: given } : rest) as T;
}

function roomNamed(room: Room, command: NamesCommand): Room {
  let next = merged(merged(room, 'names', command.names), 'zoneNames', command.zoneNames);
  if (command.languages !== undefined) next = merged(next, 'languages', command.languages === null ? {} : command.languages);
  return next;
}

function categoryNamed(category: Category, command: NamesCommand): Category {
  const unknown = Object.keys(command.reasonNames ?? {}).filter((reason) => !category.rejectionReasons.includes(reason));
  if (unknown.length > 0) {
    throw new Refusal('UNKNOWN_REJECTION_REASON', `${category.id} lists no rejection reason "${unknown[0]}"`, { allowed: category.rejectionReasons });
  }
  const reasonNames = command.reasonNames && Object.fromEntries(Object.entries(command.reasonNames).filter(([, names]) => Object.keys(names).length > 0));
  return merged(merged(category, 'names', command.names), 'reasonNames', reasonNames as Record<string, Names> | undefined);
}

const only = (command: NamesCommand, allowed: readonly (keyof NamesCommand)[], what: string) => {
  const extra = (Object.keys(command) as (keyof NamesCommand)[]).filter((k) => k !== 'type' && !allowed.includes(k));
  if (extra.length > 0) throw new Refusal('INVALID', `a ${what} has no ${extra.join(', ')}`, { fields: extra });
};

/**
 * Names people typed (a room, its zone, a category and its rejection reasons, a team) in the
 * other languages, and the languages a room's label is printed in. Pages and signs show the
 * name in the reader's language and fall back to the plain name.
 */
export const nameCommands: CommandModule<NamesCommand> = {
  types: ['set-names'],

  run(store, { actor, target, command }) {
    assertMay(actor.role, 'set-names');
    if ('room' in target) {
      only(command, ['names', 'zoneNames', 'languages'], 'room');
      const room = store.rooms.get(target.room);
      if (!room) throw new NotFound('room', target.room);
      const next = roomNamed(room, command);
      return { changes: [{ entity: 'room', type: 'room-names-changed', state: next }], result: next };
    }
    if ('category' in target) {
      only(command, ['names', 'reasonNames'], 'category');
      const category = store.directory.category(target.category);
      if (!category) throw new NotFound('category', target.category);
      const next = categoryNamed(category, command);
      return { changes: [{ entity: 'category', type: 'category-names-changed', state: next }], result: next };
    }
    if ('team' in target) {
      only(command, ['names'], 'team');
      const team = store.directory.team(target.team);
      if (!team) throw new NotFound('team', target.team);
      const next: Team = merged(team, 'names', command.names);
      return { changes: [{ entity: 'team-names', type: 'team-names-changed', state: next }], result: next };
    }
    throw new Refusal('INVALID', 'names are set on a room, a category or a team');
  },
};
