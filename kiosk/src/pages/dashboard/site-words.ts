import type { Names } from '@doorside/edge/contracts';
import type { TemplateResult } from 'lit';
import { type People, personLabel, personName } from '../../components/person-name.ts';
import type { Translator } from '../../i18n/translator.ts';
import { categoryName } from '../report/category-name.ts';

/** The site's teams and categories with their names per language (the dispatch list carries them). */
export interface SiteNames {
  teams?: readonly { id: string; name: string; names?: Names | undefined }[];
  categories?: readonly { id: string; name: string; names?: Names | undefined }[];
}

/** A team by its id, in the reader's language; a team not on the list shows its id. */
export function teamWord(speak: Translator, site: SiteNames | undefined, id: string): string {
  const team = site?.teams?.find((x) => x.id === id);
  return team ? speak.name(team.name, team.names) : id;
}

/** A category by its id, in the reader's language. */
export function categoryWord(speak: Translator, site: SiteNames | undefined, id: string): string {
  return categoryName(speak, site?.categories?.find((x) => x.id === id) ?? { id, name: id });
}

/** A catalog word made from a code (`dash.event.ticket-opened`); a code the catalog does not know shows as sent. */
function word(speak: Translator, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return speak.has(key) ? speak.t(key) : code;
}

export const eventWord = (speak: Translator, type: string) => word(speak, 'dash.event.', type);
export const deviceKindWord = (speak: Translator, kind: string) => word(speak, 'dash.deviceKind.', kind);
export const reporterWord = (speak: Translator, kind: string) => word(speak, 'dash.reporter.', kind);

/** What an event is about (`room:r104`, `user:ana`): the kind in words and the id, a person by name. */
export function entityWord(speak: Translator, people: People | undefined, ref: string, site?: SiteNames): string {
  const at = ref.indexOf(':');
  if (at < 0) return word(speak, 'dash.actor.', ref);
  const [kind, id] = [ref.slice(0, at), ref.slice(at + 1)];
  if (kind === 'user') return personLabel(people, ref);
  if (kind === 'team' && site?.teams?.some((x) => x.id === id)) return `${speak.t('dash.entity.team')} ${teamWord(speak, site, id)}`;
  if (kind === 'category' && site?.categories?.some((x) => x.id === id)) return `${speak.t('dash.entity.category')} ${categoryWord(speak, site, id)}`;
  const key = `dash.entity.${kind}`;
  return speak.has(key) ? `${speak.t(key)} ${id}` : ref;
}

/** Who did it: a person by name (username on hover), else as `entityWord` says it. */
export function actorWord(speak: Translator, people: People | undefined, actor: string): TemplateResult | string {
  return actor.startsWith('user:') ? personName(people, actor) : entityWord(speak, people, actor);
}
