import { z } from 'zod';
import { type Attachment, type CentralCommand, type CommandResult, VENDOR_FILE_MAX_BYTES, WorkOrderCommentBody, WorkOrderDoneBody, WorkOrderNoteBody, WorkOrderReasonBody } from '../contracts/index.ts';
import { commandOf, openLinkByDigest } from '../work-orders/vendor-link.ts';
import type { CommandHandler, Receipt } from '../commands/handler.ts';
import { DomainError, Invalid } from '../domain-error.ts';
import { discardVendorFiles, storeVendorFiles, type VendorFileStores } from '../work-orders/vendor-files.ts';
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
const vendorActionBodies = { files: z.strictObject({}), accept: WorkOrderNoteBody, decline: WorkOrderReasonBody, comment: WorkOrderCommentBody, start: WorkOrderNoteBody, done: WorkOrderDoneBody };

export class CommandApplier {
  constructor(
    private readonly store: SiteStore, private readonly commands: CommandHandler, private readonly files: VendorFileStores,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

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
      case 'vendor-action': return this.#vendorAction(command, receipt);
    }
  }

  /**
   * A vendor's step taken at the central server. The link and its order are known only inside
   * the transaction: a link gone by then is a refusal, recorded as the answer. Files come inside
   * the command and are judged by their bytes as the site's own upload judges them; they are
   * stored before the step and removed again when the step is refused or was answered before.
   */
  async #vendorAction(command: Extract<CentralCommand, { type: 'vendor-action' }>, receipt: Receipt): Promise<CommandResult> {
    const known = this.store.receipts.answered(command.id);
    if (known) return known;
    const type = commandOf(command.action);
    const target = { workOrder: '' };
    const refuse = (error: DomainError) => this.commands.handleOnce(() => { throw error; }, target, { type } as never, receipt);
    const fields = vendorActionBodies[command.action].safeParse(command.body);
    if (!fields.success) return refuse(new Invalid('INVALID', fields.error.issues[0]?.message ?? 'bad fields'));
    const uploads = command.action === 'files' || command.action === 'done'
      ? (command.files ?? []).map((f) => ({ buffer: Buffer.from(f.data, 'base64'), filename: f.name })) : [];
    if (command.action === 'files' && uploads.length === 0) return refuse(new Invalid('NO_FILES', 'send one to three photos or PDFs'));
    if (uploads.some((u) => u.buffer.length > VENDOR_FILE_MAX_BYTES)) return refuse(new Invalid('BAD_FILE', 'a file is at most 10 MB', { maxBytes: VENDOR_FILE_MAX_BYTES }));
    let files: Attachment[] = [];
    try {
      if (uploads.length > 0) files = await storeVendorFiles(this.files, uploads, openLinkByDigest(this.store, command.digest, this.clock()).actor.ref, this.clock());
    } catch (error) {
      if (error instanceof DomainError) return refuse(error);
      throw error;
    }
    const vendor = () => {
      const opened = openLinkByDigest(this.store, command.digest, this.clock());
      target.workOrder = opened.order.id;
      return opened.actor;
    };
    const attached = command.action === 'files' || command.action === 'done' ? { attachments: files } : {};
    try {
      const result = await this.commands.handleOnce(vendor, target, { type, ...fields.data, ...attached } as never, receipt);
      if (result.outcome !== 'applied' || files.some((f) => !this.store.workOrders.get(target.workOrder)?.attachments.some((a) => a.id === f.id))) discardVendorFiles(this.files, files);
      return result;
    } catch (error) {
      discardVendorFiles(this.files, files);
      throw error;
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
