import type { Person } from '@doorside/edge/contracts';
import { html, type TemplateResult } from 'lit';

/** The site's people by username. */
export type People = ReadonlyMap<string, Person>;

export const peopleByUsername = (list: readonly Person[]): People => new Map(list.map((p) => [p.username, p]));

/**
 * How every list names a person: the full name, with the username on hover. Takes a
 * username or an actor reference (`user:ana`); anyone else (a door panel, an occupant, the
 * system) and a person not on the list show as given.
 */
export function personName(people: People | undefined, who: string): TemplateResult | string {
  const username = who.startsWith('user:') ? who.slice('user:'.length) : who;
  const person = people?.get(username);
  return person ? html`<span class="person" title=${person.username} data-person=${person.username}>${person.fullName}</span>` : who;
}

/** The same name as plain text, for a sentence from the catalogs (whose placeholders take text). */
export function personLabel(people: People | undefined, who: string): string {
  const username = who.startsWith('user:') ? who.slice('user:'.length) : who;
  return people?.get(username)?.fullName ?? who;
}
