import type { Role, RoomId, TeamId, Ticket, User } from '../contracts/index.ts';
import { type DomainError, Forbidden, NotFound } from '../domain-error.ts';
import { type Actor, actorOf } from './actor.ts';
import { AssigneeNotEligible, IllegalTransition, NotAssignee } from './refusals.ts';
import { actionsIn, type Grant, grantsOf, type Right, type Scope, viewRightOf } from './rights.ts';

/** What a refusal is about: a ticket (its status, assignee, team and room), or nothing in particular. */
export type Subject = Pick<Ticket, 'status' | 'assignee' | 'team' | 'room'> & {
  /** Who reported it and whom it is shared with (a tenant's `reporter` scope). */
  reporter?: Ticket['reporter'];
  links?: Ticket['links'];
  /** The tenant company it belongs to, when the caller worked it out (a tenant administrator's `company` scope). */
  company?: string | null;
};

const inScope = (scope: Scope, actor: Actor, subject: Subject): boolean => {
  switch (scope) {
    case 'any': return true;
    case 'own': return actor.user !== null && subject.assignee === actor.user;
    case 'team': return actor.teams.includes(subject.team);
    case 'room': return actor.room !== null && subject.room === actor.room;
    case 'reporter': return !!actor.person
      && ((subject.reporter?.kind === 'person' && subject.reporter.id === actor.person) || (subject.links?.persons.includes(actor.person) ?? false));
    case 'company': return !!actor.company && subject.company === actor.company;
    // Tickets are never reached by a tracking link through this path; orders are judged by `orderRefusal`.
    case 'tracked': return false;
  }
};

const fits = (grant: Grant, actor: Actor, subject: Subject) => grant.scope.every((scope) => inScope(scope, actor, subject));

function outOfScope(scope: Scope, action: string, actor: Actor, subject: Subject): DomainError {
  switch (scope) {
    case 'room': return new Forbidden('WRONG_ROOM', `this panel belongs to room ${actor.room}, not ${subject.room}`, { room: actor.room });
    case 'team': return new Forbidden('NOT_YOUR_TEAM', `only team ${subject.team} ${action === 'claim' ? 'claims' : `may ${action}`} this ticket`, { team: subject.team });
    default: return new NotAssignee(action, subject.assignee);
  }
}

const notPermitted = (role: Role, right: Right, what = '') => new Forbidden('NOT_PERMITTED', `a ${role} may not ${right}${what}`, { role, right });

/** Refuses a role without the right, for what is not about one ticket (reading the audit log, managing devices). */
export function assertMay(role: Role, right: Right): void {
  if (grantsOf(role, right).length === 0) throw notPermitted(role, right);
}

/** Whether the actor may see the subject at all: the scope of their `view` right (a vendor: their own work; a panel: its room). */
export function hiddenFrom(actor: Actor, subject: Subject): DomainError | null {
  const views = grantsOf(actor.role, viewRightOf(actor.role));
  if (views.length === 0 || views.some((g) => fits(g, actor, subject))) return null;
  const scope = views[0]!.scope.find((s) => !inScope(s, actor, subject))!;
  if (scope === 'reporter' || scope === 'company') return new NotFound('request', '');
  return scope === 'own' ? new Forbidden('NOT_YOUR_WORK_ORDER', 'a vendor acts only on work orders given to them') : outOfScope(scope, 'view', actor, subject);
}

/** Opening a ticket is judged by the scope of `create` or `report` alone: the ticket is not there yet to be hidden. */
const bringsIntoBeing = (right: Right) => right === 'create' || right === 'report';

/**
 * Whether the actor may see a room and what it shows: every room for those whose `view`
 * reaches beyond one room; a door panel or device only its own.
 */
export function roomHiddenFrom(actor: Actor, room: RoomId): DomainError | null {
  const views = grantsOf(actor.role, 'view');
  if (views.length === 0) return notPermitted(actor.role, 'view', ' rooms');
  if (views.some((g) => !g.scope.includes('room') || actor.room === room)) return null;
  return new Forbidden('WRONG_ROOM', `this panel belongs to room ${actor.room}, not ${room}`, { room: actor.room });
}

/** Why the actor may not use a right on what belongs to someone (a push subscription's owner, by actor ref), or null: an `own` grant reaches only the actor's own. */
export function ownerRefusal(actor: Actor, right: Right, owner: string): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return notPermitted(actor.role, right);
  if (held.some((g) => g.scope.every((s) => s === 'any' || (s === 'own' && owner === actor.ref)))) return null;
  return new Forbidden('NOT_PERMITTED', `a ${actor.role} may ${right} only for themselves`, { role: actor.role, right });
}

/** Why the actor may not use a right on what stands in a room (a device's reading), or null: the room scope of the grant is asked. */
export function roomRefusal(actor: Actor, right: Right, room: RoomId): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return notPermitted(actor.role, right);
  if (held.some((g) => g.scope.every((s) => s === 'any' || (s === 'room' && actor.room === room)))) return null;
  return new Forbidden('WRONG_ROOM', `this panel belongs to room ${actor.room}, not ${room}`, { room: actor.room });
}

/**
 * Why the actor may not use the right on the subject now, or null when they may. Asked in
 * this order: the role's rights, whether the subject is theirs to see, the statuses in which
 * the right applies, what the subject's own state forbids (`state`), then the right's scope.
 * `decide` throws the answer; the actions a page offers are the same question filtered.
 */
export function refusal(actor: Actor, right: Right, subject?: Subject, action: string = right, state?: () => DomainError | null): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return notPermitted(actor.role, right, subject ? ' tickets' : '');
  if (!subject) return null;
  const hidden = bringsIntoBeing(right) ? null : hiddenFrom(actor, subject);
  if (hidden) return hidden;
  const statuses = held[0]!.statuses;
  if (statuses && !statuses.includes(subject.status)) return new IllegalTransition(action, subject.status, actionsIn(subject.status));
  const stateRefusal = state?.();
  if (stateRefusal) return stateRefusal;
  if (held.some((g) => fits(g, actor, subject))) return null;
  const failing = held[0]!.scope.find((s) => !inScope(s, actor, subject))!;
  return outOfScope(failing, action, actor, subject);
}

/** Why a user may not be given a ticket of a team, or null: they must be active and able to start it once it is theirs. */
export function holdRefusal(user: User, team: TeamId): DomainError | null {
  if (!user.active) return new AssigneeNotEligible(user.id, 'the account is disabled');
  const starts = grantsOf(user.role, 'start');
  if (starts.length === 0) return new AssigneeNotEligible(user.id, `a ${user.role} does not work tickets`);
  const subject: Subject = { status: 'assigned', assignee: user.id, team, room: '' };
  if (!starts.some((g) => g.scope.every((s) => s === 'room' || inScope(s, actorOf(user), subject)))) {
    return new AssigneeNotEligible(user.id, `not a member of team ${team}`);
  }
  return null;
}

/** The teams whose tickets a user may be given. */
export function teamsToHold(user: User, teams: readonly { id: TeamId }[]): TeamId[] {
  return teams.filter((team) => holdRefusal(user, team.id) === null).map((team) => team.id);
}

/**
 * Why the actor may not use the right on a person (their duty, their skills), or null: the
 * same rows and scopes, with the person in the ticket's place: `own` is the actor themself,
 * `team` a person of one of the actor's teams.
 */
export function personRefusal(actor: Actor, right: Right, person: Pick<User, 'id' | 'teams'>): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return notPermitted(actor.role, right);
  const reaches = (scope: Scope) => scope === 'any'
    || (scope === 'own' && actor.user === person.id)
    || (scope === 'team' && person.teams.some((team) => actor.teams.includes(team)));
  if (held.some((g) => g.scope.every(reaches))) return null;
  return new Forbidden('NOT_YOUR_PEOPLE', `a ${actor.role} may ${right} only for ${held.some((g) => g.scope.includes('team')) ? 'their teams' : 'themself'}`, { right });
}
