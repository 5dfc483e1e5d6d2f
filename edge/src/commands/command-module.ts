import type { Change, Command, CommandType, Target, TicketId } from '../contracts/index.ts';
import type { DomainError } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** What the handler gives a command's module: who asks, about what, and the transaction's means. */
export interface CommandInput<C extends Command = Command> {
  actor: Actor;
  target: Target;
  command: C;
  at: string;
  nextTicketId: () => TicketId;
  /** A fresh random token (base64url) of that many bytes: tracking links, sticker codes, secrets. */
  newToken: (bytes: number) => string;
}

export interface Outcome { changes: Change[]; result: unknown }

/**
 * One capability's commands: how to load what its rules need from the store, and the
 * rules' decision. `run` is called inside the handler's transaction and must not await;
 * `check` answers the refusal without deciding, so slow work (photos) waits for it.
 */
export interface CommandModule<C extends Command = Command> {
  readonly types: readonly CommandType[];
  run(store: SiteStore, input: CommandInput<C>): Outcome;
  check?(store: SiteStore, input: CommandInput<C>): DomainError | null;
}
