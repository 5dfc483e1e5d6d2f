import { type DomainError, Forbidden } from '../domain-error.ts';
import type { Actor } from './actor.ts';
import { grantsOf, type Right, type Scope } from './rights.ts';

/**
 * Why the actor may not use an order's right (cancel it), or null: the rights table's rows with
 * the order in the ticket's place; `tracked` reaches an order only through its tracking link.
 */
export function orderRefusal(actor: Actor, right: Right, order: { id: string; tracked: boolean }): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return new Forbidden('NOT_PERMITTED', `a ${actor.role} may not ${right}`, { role: actor.role, right });
  const reaches = (scope: Scope) => scope === 'any' || (scope === 'tracked' && order.tracked);
  if (held.some((g) => g.scope.every(reaches))) return null;
  return new Forbidden('NOT_PERMITTED', `a ${actor.role} may ${right} only through the order's tracking link`, { role: actor.role, right, order: order.id });
}
