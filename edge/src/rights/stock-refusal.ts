import type { StockStore } from '../contracts/index.ts';
import { type DomainError, Forbidden } from '../domain-error.ts';
import type { Actor } from './actor.ts';
import { grantsOf, type Right } from './rights.ts';

/**
 * Why the actor may not use a store's right (receive, issue, dispose of its stock), or null:
 * the rights table's rows with the store in the ticket's place, `own` being the store's owner.
 */
export function storeRefusal(actor: Actor, right: Right, store: Pick<StockStore, 'id' | 'owner'>): DomainError | null {
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return new Forbidden('NOT_PERMITTED', `a ${actor.role} may not ${right}`, { role: actor.role, right });
  const reaches = (scope: string) => scope === 'any' || (scope === 'own' && actor.user !== null && actor.user === store.owner);
  if (held.some((g) => g.scope.every(reaches))) return null;
  return new Forbidden('NOT_STORE_OWNER', `only the owner of store ${store.id}, a supervisor or the facility head may ${right}`, { store: store.id, owner: store.owner });
}
