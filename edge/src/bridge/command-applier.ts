import { type CentralCommand, type CommandResult, WorkOrderCommentBody, WorkOrderDoneBody, WorkOrderNoteBody, WorkOrderReasonBody } from '../contracts/index.ts';
import { commandOf, openLinkByDigest } from '../work-orders/vendor-link.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Invalid } from '../domain-error.ts';
import { type Actor, actorOf, headOfficeActor } from '../rights/actor.ts';
import { may } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * A head-office command, brought down by the bridge, applied through the one command path
 * with the same rules as a local action (actor `central:<who>`). Its answer commits with
 * its changes, so it is applied at most once: a re-sent id gets the recorded answer. A
 * refusal by the rules is an answer too (recorded, not retried); anything else (a disk
 * error) throws, nothing is recorded, and the agent sends the command again later.
 */
/** The fields of each vendor step, read as the site's own vendor routes read them. */
const vendorActionBodies = { accept: WorkOrderNoteBody, decline: WorkOrderReasonBody, comment: WorkOrderCommentBody, start: WorkOrderNoteBody, done: WorkOrderDoneBody };

export class CommandApplier {
  constructor(private readonly store: SiteStore, private readonly commands: CommandHandler, private readonly clock: () => string = () => new Date().toISOString()) {}

  apply(command: CentralCommand): Promise<CommandResult> {
    const receipt = { id: command.id, type: command.type, by: `central:${command.by}` };
    const by = headOfficeActor(command.by);
    switch (command.type) {
      case 'reassign':
        return this.commands.handleOnce(by, { ticket: command.ticket }, {
          type: 'assign', ...(command.assignee === null ? {} : { assignee: command.assignee }), ...(command.team ? { team: command.team } : {}),
        }, receipt);
      case 'vendor-accepted':
        return this.commands.handleOnce(() => this.#vendor(command.vendor, command.by), { ticket: command.ticket }, { type: 'accept', ...(command.note ? { note: command.note } : {}) }, receipt);
      case 'set-room-status':
        return this.commands.handleOnce(by, { room: command.room }, { type: 'set-room-status', status: command.status, reason: command.reason?.trim() || `Set by head office (${command.by})` }, receipt);
      case 'payment-notice':
        return this.commands.handleOnce(by, { provider: command.notice.provider }, { type: 'take-payment-notice', notice: command.notice }, receipt);
      case 'set-rejection-policy':
        return this.commands.handleOnce(by, { category: command.category }, { type: 'set-rejection-policy', policy: command.policy }, receipt);
      case 'vendor-action': {
        // The link and its order are known only inside the transaction: a link gone by then is a refusal, recorded as the answer.
        const target = { workOrder: '' };
        const vendor = () => {
          const opened = openLinkByDigest(this.store, command.digest, this.clock());
          target.workOrder = opened.order.id;
          return opened.actor;
        };
        const fields = vendorActionBodies[command.action].safeParse(command.body);
        if (!fields.success) return this.commands.handleOnce(() => { throw new Invalid('INVALID', fields.error.issues[0]?.message ?? 'bad fields'); }, target, { type: commandOf(command.action) } as never, receipt);
        return this.commands.handleOnce(vendor, target, { type: commandOf(command.action), ...fields.data } as never, receipt);
      }
    }
  }

  /** The vendor as the site knows them: their accept goes through the vendor's own rights. */
  #vendor(id: string, by: string): Actor {
    const record = this.store.directory.user(id);
    // A vendor is whoever the rights table lets accept a work order.
    if (!record || !record.user.active || !may(record.user.role, 'accept')) {
      throw new Invalid('UNKNOWN_VENDOR', `there is no vendor ${id} on this site`, { vendor: id });
    }
    return actorOf(record.user, `central:${by}`);
  }
}
