import { type Change, type DirectoryCommand, type Installation, PersonRecord, Text, type Unit } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { refusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';

const keyOf = (target: object, key: 'person' | 'unit' | 'installation'): string => {
  const value = (target as Record<string, unknown>)[key];
  if (typeof value !== 'string') throw new Error(`this command needs a ${key} target`);
  return value;
};

/** A person told by e-mail must have an address. */
export function checkedPerson(person: PersonRecord): PersonRecord {
  if (person.notifyByEmail && !person.email) throw new Invalid('EMAIL_REQUIRED', `${person.name} is to be told by e-mail but has no e-mail address`, { field: 'email' });
  return person;
}

/** The unit a person belongs to must exist. */
function assertUnit(store: SiteStore, unit: string | null | undefined): void {
  if (unit && !store.entries.units.get(unit)) throw new Invalid('UNKNOWN_UNIT', `there is no unit ${unit}`, { unit });
}

/** The rooms a unit or installation names must exist. */
export function assertRooms(store: SiteStore, rooms: readonly (string | null)[]): void {
  const missing = rooms.filter((room): room is string => room !== null && !store.rooms.get(room));
  if (missing.length > 0) throw new Invalid('UNKNOWN_ROOM', `there is no room ${missing.join(', ')}`, { rooms: missing });
}

const change = <E extends 'person' | 'unit' | 'installation'>(entity: E, created: boolean, state: unknown) =>
  ({ entity, type: `${entity}-${created ? 'created' : 'updated'}`, state }) as Change;

/** A mail's sender as a contact: the person who has the address already, else a new one named by the mail (or by the address). */
function contact(store: SiteStore, { command, at, newToken }: CommandInput<Extract<DirectoryCommand, { type: 'add-contact' }>>): { change: Change | null; result: PersonRecord } {
  const known = store.entries.personByEmail(command.email);
  if (known) return { change: null, result: known };
  const name = Text(120).safeParse(command.name).data ?? command.email.slice(0, 120);
  const made = PersonRecord.safeParse({
    id: `P-${newToken(6)}`, name, company: null, email: command.email, phone: null, language: command.language, notifyByEmail: true, unit: null, updatedAt: at,
  });
  if (!made.success) throw new Invalid('INVALID', `${command.email} cannot be kept as a contact`, made.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })));
  return { change: change('person', true, made.data), result: made.data };
}

function decide(store: SiteStore, input: CommandInput<DirectoryCommand>): { change: Change | null; result: unknown } {
  const { command, target, at, newToken } = input;
  switch (command.type) {
    case 'add-contact':
      return contact(store, input as CommandInput<typeof command>);
    case 'create-person': {
      assertUnit(store, command.person.unit);
      const person = checkedPerson({ id: `P-${newToken(6)}`, ...command.person, updatedAt: at });
      return { change: change('person', true, person), result: person };
    }
    case 'update-person': {
      const id = keyOf(target, 'person');
      const before = store.entries.persons.get(id);
      if (!before) throw new NotFound('person', id);
      assertUnit(store, command.changes.unit);
      const person = checkedPerson({ ...before, ...command.changes, updatedAt: at });
      return { change: change('person', false, person), result: person };
    }
    case 'create-unit': {
      assertRooms(store, command.unit.rooms);
      const unit: Unit = { id: `U-${newToken(6)}`, ...command.unit, updatedAt: at };
      return { change: change('unit', true, unit), result: unit };
    }
    case 'update-unit': {
      const id = keyOf(target, 'unit');
      const before = store.entries.units.get(id);
      if (!before) throw new NotFound('unit', id);
      assertRooms(store, command.changes.rooms ?? []);
      const unit: Unit = { ...before, ...command.changes, updatedAt: at };
      return { change: change('unit', false, unit), result: unit };
    }
    case 'create-installation': {
      assertRooms(store, [command.installation.room]);
      const installation: Installation = { id: `I-${newToken(6)}`, ...command.installation, updatedAt: at };
      return { change: change('installation', true, installation), result: installation };
    }
    case 'update-installation': {
      const id = keyOf(target, 'installation');
      const before = store.entries.installations.get(id);
      if (!before) throw new NotFound('installation', id);
      assertRooms(store, [command.changes.room ?? null]);
      const installation: Installation = { ...before, ...command.changes, updatedAt: at };
      if (installation.room === null && installation.floor === null) throw new Invalid('INVALID', 'an installation stands in a room or on a floor', [{ path: '/room', message: 'give a room or a floor' }]);
      return { change: change('installation', false, installation), result: installation };
    }
  }
}

const rightFor = (command: DirectoryCommand) => (command.type === 'add-contact' ? 'add-contact' : 'manage-directory');

/** Keeping the directory of persons, units and installations: admins and supervisors; mail taken in adds its senders. */
export const directoryCommands: CommandModule<DirectoryCommand> = {
  types: ['create-person', 'update-person', 'create-unit', 'update-unit', 'create-installation', 'update-installation', 'add-contact'],

  run(store, input): Outcome {
    const refused = refusal(input.actor, rightFor(input.command));
    if (refused) throw refused;
    const { change: made, result } = decide(store, input);
    return { changes: made ? [made] : [], result };
  },

  check(_store, input) {
    return refusal(input.actor, rightFor(input.command));
  },
};
