import type { CentralCommand, CommandResult } from '../contracts/index.ts';
import { DomainError, Invalid, NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/rights.ts';
import type { RoomService } from '../rooms/room-service.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Actor } from '../tickets/actor.ts';
import type { TicketService } from '../tickets/ticket-service.ts';
import { withRejectionPolicy } from './category-policy.ts';
import { CommandRows } from './command-rows.sqlite.ts';

export interface CommandApplierDeps { store: SiteStore; tickets: TicketService; rooms: RoomService; clock: () => string }

/** Head office acting through the bridge; the audit log names it `central:<who>`. */
const headOffice = (by: string): Actor => ({ ref: `central:${by}`, user: null, role: 'head_office', teams: [], room: null });

/**
 * Applies a head-office command through the same services and rules as a local action.
 * The change and the record of the command's answer commit together, so a command is
 * applied at most once: a re-sent id gets the recorded answer and changes nothing. A
 * refusal by the rules is an answer too (recorded, not retried); anything else (a disk
 * error) throws, nothing is recorded, and the agent sends the command again later.
 */
export class CommandApplier {
  readonly #rows: CommandRows;

  constructor(private readonly deps: CommandApplierDeps) {
    this.#rows = new CommandRows(deps.store.db);
  }

  /** Runs in the store's group commit, so the sign hears of a change only once it is on disk. */
  apply(command: CentralCommand): Promise<CommandResult> {
    return this.deps.store.batch(() => this.#applyOnce(command));
  }

  #applyOnce(command: CentralCommand): CommandResult {
    const { store } = this.deps;
    const headBefore = store.log.head;
    try {
      return store.db.transaction(() => {
        const known = this.#rows.answered(command.id);
        if (known) return known;
        const before = store.log.head.seq;
        let result: CommandResult;
        try {
          this.#run(command);
          const after = store.log.head.seq;
          result = after > before ? { outcome: 'applied', seq: after } : { outcome: 'applied' };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          result = { outcome: 'refused', reason: `${error.code}: ${error.message}`.slice(0, 1000) };
        }
        this.#rows.record(command, result, this.deps.clock());
        return result;
      })();
    } catch (error) {
      // Rolled back: the log's in-memory head and the cached categories must not remember it.
      store.log.head = headBefore;
      if (command.type === 'set-rejection-policy') store.directory.reload();
      throw error;
    }
  }

  #run(command: CentralCommand): void {
    const { tickets, rooms } = this.deps;
    switch (command.type) {
      case 'reassign':
        tickets.act(headOffice(command.by), command.ticket, {
          type: 'assign', ...(command.assignee === null ? {} : { assignee: command.assignee }), ...(command.team ? { team: command.team } : {}),
        });
        return;
      case 'vendor-accepted':
        tickets.act(this.#vendor(command.vendor, command.by), command.ticket, { type: 'accept', ...(command.note ? { note: command.note } : {}) });
        return;
      case 'set-room-status':
        rooms.setStatus(headOffice(command.by), command.room, command.status, command.reason?.trim() || `Set by head office (${command.by})`);
        return;
      case 'set-rejection-policy':
        this.#setRejectionPolicy(headOffice(command.by), command.category, command.policy);
    }
  }

  /** The vendor as the site knows them: their accept goes through the vendor's own rights. */
  #vendor(id: string, by: string): Actor {
    const record = this.deps.store.directory.user(id);
    if (!record || record.user.role !== 'vendor' || !record.user.active) {
      throw new Invalid('UNKNOWN_VENDOR', `there is no vendor ${id} on this site`, { vendor: id });
    }
    return { ref: `central:${by}`, user: record.user.id, role: 'vendor', teams: [], room: null };
  }

  #setRejectionPolicy(actor: Actor, id: string, change: Record<string, unknown>): void {
    const { store, clock } = this.deps;
    assertMay(actor.role, 'set-rejection-policy');
    store.transact(actor.ref, clock(), (tx) => {
      const category = store.directory.category(id);
      if (!category) throw new NotFound('category', id);
      const changed = withRejectionPolicy(category, change, store.directory.teams());
      store.directory.putCategory(changed);
      tx.record('category-policy-changed', `category:${id}`, changed);
    });
  }
}
