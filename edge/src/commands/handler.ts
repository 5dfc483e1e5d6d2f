import { randomBytes } from 'node:crypto';
import type { Change, Command, CommandResult, ResultOf, Target } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import type { SiteStore, Tx } from '../store/site-store.ts';
import type { CommandInput, CommandModule } from './command-module.ts';

export type Clock = () => string;

/** A command from outside the site (head office) with the id it is answered by, once. */
export interface Receipt { id: string; type: string; /** How the log names who sent it. */ by: string }

/**
 * The one command path. Every entry point (HTTP routes, device events off MQTT, the GPIO
 * panel, head-office commands, the schedules) makes one call here. It owns group commit,
 * the transaction, loading what the rules need, their decision, writing the changes and
 * their events, and the answer; listeners (signs, the live feed) hear of it after the commit.
 */
/**
 * Work that must commit with a command's changes or not at all (the mail a reply queues).
 * It runs inside the command's transaction, after its changes are written, and must not await.
 */
export type WithinCommand = (changes: readonly Change[], at: string, tx: Tx) => void;

export class CommandHandler {
  readonly #modules = new Map<string, CommandModule>();
  readonly #within: WithinCommand[] = [];

  constructor(private readonly store: SiteStore, private readonly clock: Clock, modules: readonly CommandModule[]) {
    for (const module of modules) for (const type of module.types) this.#modules.set(type, module);
  }

  /** Adds work to every command's transaction; the returned function takes it away. */
  within(work: WithinCommand): () => void {
    this.#within.push(work);
    return () => void this.#within.splice(this.#within.indexOf(work), 1);
  }

  handle<C extends Command>(actor: Actor, target: Target, command: C): Promise<ResultOf<C>> {
    return this.store.batch(actor.ref, this.clock, (tx, at) => this.#apply(actor, target, command, at, tx));
  }

  /** The refusal the command would meet now, without writing anything. */
  check<C extends Command>(actor: Actor, target: Target, command: C): void {
    const module = this.#module(command);
    const refused = module.check?.(this.store, this.#input(actor, target, command, this.clock(), () => 'T-0'));
    if (refused) throw refused;
  }

  /**
   * A command that arrives with an id of its own is applied at most once: its answer (applied,
   * or refused by the rules) is recorded in the same transaction as its changes, and the same
   * id sent again gets that answer and changes nothing.
   */
  handleOnce<C extends Command>(actor: Actor | (() => Actor), target: Target, command: C, receipt: Receipt): Promise<CommandResult> {
    return this.store.batch(receipt.by, this.clock, () => {
      const known = this.store.receipts.answered(receipt.id);
      if (known) return known;
      const before = this.store.log.head.seq;
      let result: CommandResult;
      try {
        // Who acts may be known only inside the transaction (a vendor the site may not know): a refusal then is an answer too.
        this.run(typeof actor === 'function' ? actor() : actor, target, command);
        const after = this.store.log.head.seq;
        result = after > before ? { outcome: 'applied', seq: after } : { outcome: 'applied' };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result = { outcome: 'refused', reason: `${error.code}: ${error.message}`.slice(0, 1000) };
      }
      this.store.receipts.record(receipt.id, receipt.type, result, this.clock());
      return result;
    });
  }

  /** The command in its own transaction (a savepoint when inside a group commit). */
  run<C extends Command>(actor: Actor, target: Target, command: C): ResultOf<C> {
    const at = this.clock();
    return this.store.transact(actor.ref, at, (tx) => this.#apply(actor, target, command, at, tx));
  }

  #apply<C extends Command>(actor: Actor, target: Target, command: C, at: string, tx: Tx): ResultOf<C> {
    const module = this.#module(command);
    const { changes, result } = module.run(this.store, this.#input(actor, target, command, at, tx.nextTicketId));
    changes.forEach(tx.apply);
    for (const work of this.#within) work(changes, at, tx);
    return result as ResultOf<C>;
  }

  #module(command: Command): CommandModule {
    const module = this.#modules.get(command.type);
    if (!module) throw new Error(`no module handles ${command.type}`);
    return module;
  }

  #input<C extends Command>(actor: Actor, target: Target, command: C, at: string, nextTicketId: () => string): CommandInput<C> {
    return { actor, target, command, at, nextTicketId, newToken: (bytes) => randomBytes(bytes).toString('base64url') };
  }
}
