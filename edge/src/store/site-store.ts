import { mosquittoPasswordLine, secretDigest } from '@doorside/firmware-config';
import { bookkeeping, type Change, type TicketId } from '../contracts/index.ts';
import { EventLog, LogMoved } from './event-log.sqlite.ts';
import type { ChainRow } from './hash-chain.ts';
import { RoomRows } from './room-rows.sqlite.ts';
import { TicketRows } from './ticket-rows.sqlite.ts';
import { CommandReceipts } from './command-receipts.sqlite.ts';
import type { Db } from './database.sqlite.ts';
import { Directory } from './directory.sqlite.ts';
import { DispatchRows } from './dispatch-rows.sqlite.ts';
import { StockRows } from './stock-rows.sqlite.ts';
import { AnnouncementRows } from './announcement-rows.sqlite.ts';
import { PushSubscriptions } from './push-subscriptions.sqlite.ts';
import { OrderRows } from './order-rows.sqlite.ts';
import { ServiceRows } from './service-rows.sqlite.ts';
import { PortalRows } from './portal-rows.sqlite.ts';
import { PaymentRows } from './payment-rows.sqlite.ts';
import { ServiceLevelRows } from './service-level-rows.sqlite.ts';
import { SlaEscalationRows } from './sla-escalation-rows.sqlite.ts';
import { ThresholdRows } from './threshold-rows.sqlite.ts';
import { ScheduleRows } from './schedule-rows.sqlite.ts';
import { WorkOrderRows } from './work-order-rows.sqlite.ts';
import { DirectoryEntries } from './directory-entries.sqlite.ts';
import { Meta } from './meta.sqlite.ts';
import { Sessions } from './sessions.sqlite.ts';
import { TrackTokens } from './track-tokens.sqlite.ts';
import { DocumentRows } from './document-rows.sqlite.ts';
import { SurveyRows } from './survey-rows.sqlite.ts';

/** How the log names the entity a change is about. */
export function entityKey(change: Change): string {
  switch (change.entity) {
    case 'ticket': return `ticket:${change.state.id}`;
    case 'rating': return `ticket:${change.state.ticket}`;
    case 'room': return `room:${change.state.id}`;
    case 'room-qr': return `room:${change.state.room}`;
    case 'team': return `team:${change.state.team}`;
    case 'device': return `device:${change.state.id}`;
    case 'category': return `category:${change.state.id}`;
    case 'team-names': return `team:${change.state.id}`;
    case 'session': return `${change.state.kind}:${change.session.subject}`;
    case 'offline-alert': return `device:${change.state.device}`;
    case 'person': return `person:${change.state.id}`;
    case 'unit': return `unit:${change.state.id}`;
    case 'installation': return `installation:${change.state.id}`;
    case 'duty': return `user:${change.state.user}`;
    case 'skills': return `user:${change.state.user}`;
    case 'stock-store': return `stock-store:${change.state.id}`;
    case 'stock-item': return `stock:${change.state.id}`;
    case 'stock-movement': return `stock:${change.state.item}`;
    case 'announcement': return `announcement:${change.state.id}`;
    case 'announcement-read': return `announcement:${change.state.announcement}`;
    case 'push-subscription': return `push:${change.state.owner}`;
    case 'service': return `service:${change.state.id}`;
    case 'service-settings': return 'catalogue:services';
    case 'order': return `order:${change.state.id}`;
    case 'portal-link': return `person:${change.state.person}`;
    case 'approval': return `ticket:${change.state.ticket}`;
    case 'payment': return `payment:${change.state.id}`;
    case 'refund': return `payment:${change.state.payment}`;
    case 'calendar': return 'calendar:working-hours';
    case 'schedule': return `schedule:${change.state.id}`;
    case 'schedule-catch-up': return `schedule:${change.state.schedule}`;
    case 'schedule-cursor': return `schedule:${change.state.schedule}`;
    case 'sla-targets': return 'calendar:service-levels';
    case 'sla-escalation': return `ticket:${change.state.ticket}`;
    case 'sla-clocks': return `ticket:${change.state.ticket}`;
    case 'threshold': return `threshold:${change.state.id}`;
    case 'excursion': return `threshold:${change.state.rule}`;
    case 'vendor': return `vendor:${change.state.id}`;
    case 'work-order': return `work-order:${change.state.id}`;
    case 'document': return `document:${change.state.id}`;
    case 'survey': return `survey:${change.state.id}`;
    case 'survey-answer': return `survey:${change.state.survey}`;
  }
}

/**
 * The state an event logs: the entity's new state, and for a work order that issues or revokes
 * vendor links, those links by digest (see `VendorLinkChanges`): the central server serves the
 * vendor's link from them. The token itself is never in the log.
 */
function loggedState(change: Change): unknown {
  if (change.entity !== 'work-order' || (!change.links && !change.revoke)) return change.state;
  return { ...change.state, workOrderLinks: (change.links ?? []).map(({ digest, contact }) => ({ digest, contact })), revokedLinks: change.revoke ?? null };
}

/** The secret as Mosquitto's password file stores it, for sites on an external broker. */
export const brokerHash = (id: string, secret: string) => mosquittoPasswordLine(id, secret).slice(id.length + 1);

export interface Tx {
  /** Writes an entity's new state and its event. */
  apply(change: Change): void;
  /** Writes an event for a change the caller stored itself (a user, a device, a category). */
  record(type: string, entity: string, state: unknown): void;
  nextTicketId(): TicketId;
}

export interface Committed {
  events: ChainRow[];
  changes: Change[];
}

type Listener = (committed: Committed) => void;

const MAX_BATCH = 256;

/**
 * One site's state. Every change goes through `transact`, which writes the rows
 * and their events in one SQLite transaction; listeners hear of it only after
 * the commit, so nothing is published that could still roll back.
 */
export class SiteStore {
  readonly log: EventLog;
  readonly rooms: RoomRows;
  readonly tickets: TicketRows;
  readonly directory: Directory;
  /** Persons, units and installations. */
  readonly entries: DirectoryEntries;
  readonly sessions: Sessions;
  readonly trackTokens: TrackTokens;
  readonly receipts: CommandReceipts;
  readonly meta: Meta;
  /** Who is on duty, who has which skills. */
  readonly dispatch: DispatchRows;
  /** Consumables: stores, items and the stock ledger. */
  readonly stock: StockRows;
  /** Announcements, their read receipts and the mails they sent. */
  readonly announcements: AnnouncementRows;
  /** Web Push subscriptions. */
  readonly push: PushSubscriptions;
  /** The catalogue of paid services, and their orders. */
  readonly services: ServiceRows;
  readonly orders: OrderRows;
  /** The tenant portal: sign-in links. */
  readonly portal: PortalRows;
  /** Payments, the provider notices taken, refunds. */
  readonly payments: PaymentRows;
  /** The working-hours calendar and the service levels counted on it. */
  readonly serviceLevels: ServiceLevelRows;
  /** When open tickets' clocks run out, and the breaches escalated. */
  readonly slaEscalations: SlaEscalationRows;
  /** Sensor threshold rules and their excursions. */
  readonly thresholds: ThresholdRows;
  /** Planned work: schedules and the occurrences made. */
  readonly schedules: ScheduleRows;
  /** Vendors, the work orders sent to them and their links. */
  readonly workOrders: WorkOrderRows;
  /** Documents for tenants and staff. */
  readonly documents: DocumentRows;
  /** General surveys and their responses. */
  readonly surveys: SurveyRows;
  readonly #deviceListeners: Listener[] = [];
  readonly #listeners: Listener[] = [];
  /** The last ticket number handed out; kept in memory, so a commit writes no counter page. */
  #lastTicket: number;
  readonly #queue: {
    actor: string; at: () => string; work: (tx: Tx, at: string) => unknown;
    resolve: (value: unknown) => void; reject: (error: unknown) => void;
  }[] = [];
  #deferred: Committed[] | null = null;
  /**
   * better-sqlite3's transaction wrapper, built once: building it (four wrappers and their
   * properties) for every command cost about as much as a row read. It runs `work` between
   * BEGIN and COMMIT, or in a savepoint when a transaction is already open.
   */
  readonly #inTransaction: <T>(work: () => T) => T;

  constructor(readonly db: Db, readonly site: string) {
    this.#inTransaction = db.transaction((work: () => unknown) => work()) as <T>(work: () => T) => T;
    this.log = new EventLog(db, site);
    this.rooms = new RoomRows(db);
    this.tickets = new TicketRows(db);
    this.directory = new Directory(db);
    this.entries = new DirectoryEntries(db);
    this.sessions = new Sessions(db);
    this.trackTokens = new TrackTokens(db);
    this.receipts = new CommandReceipts(db);
    this.meta = new Meta(db);
    this.dispatch = new DispatchRows(db);
    this.stock = new StockRows(db);
    this.announcements = new AnnouncementRows(db);
    this.push = new PushSubscriptions(db);
    this.services = new ServiceRows(db);
    this.orders = new OrderRows(db);
    this.portal = new PortalRows(db);
    this.payments = new PaymentRows(db);
    this.serviceLevels = new ServiceLevelRows(db);
    this.slaEscalations = new SlaEscalationRows(db);
    this.thresholds = new ThresholdRows(db);
    this.schedules = new ScheduleRows(db);
    this.workOrders = new WorkOrderRows(db);
    this.documents = new DocumentRows(db);
    this.surveys = new SurveyRows(db);
    this.#lastTicket = this.tickets.highestNumber(1000);
  }

  /**
   * Hears every committed change. A listener that drives devices (`devices: true`: the signs,
   * a panel's lights) hears at once; the others, after a group commit, once the devices'
   * packets are on their way, and still before the callers are answered.
   */
  onCommit(listener: Listener, { devices = false }: { devices?: boolean } = {}): () => void {
    const list = devices ? this.#deviceListeners : this.#listeners;
    list.push(listener);
    return () => void list.splice(list.indexOf(listener), 1);
  }

  transact<T>(actor: string, at: string, work: (tx: Tx) => T): T {
    const events: ChainRow[] = [];
    const changes: Change[] = [];
    const headBefore = this.log.head;
    const ticketBefore = this.#lastTicket;
    const tx: Tx = {
      apply: (change) => {
        // The event first: a ticket's row points at the event that holds its state. An offline
        // alert's ticket is bookkeeping with no event of its own: the ticket it opened has one.
        const event = bookkeeping.has(change.entity) ? null : this.log.append({ at, actor, type: change.type, entity: entityKey(change), state: loggedState(change) });
        this.#write(change, at, event?.seq ?? null);
        changes.push(change);
        if (event) events.push(event);
      },
      record: (type, entity, state) => {
        events.push(this.log.append({ at, actor, type, entity, state }));
      },
      nextTicketId: () => `T-${++this.#lastTicket}`,
    };
    let result: T;
    try {
      // better-sqlite3 commits when this callback returns, so nothing in `work` may await.
      // Inside a batch this is a savepoint, and the batch's commit makes it durable.
      result = this.#inTransaction(() => work(tx));
    } catch (error) {
      this.#rolledBack(error, headBefore, ticketBefore);
      // The cached categories must not remember a change that rolled back.
      if (changes.some((c) => c.entity === 'category' || c.entity === 'team-names')) this.directory.reload();
      throw error;
    }
    if (events.length > 0) {
      if (this.#deferred) this.#deferred.push({ events, changes });
      else this.#notify({ events, changes });
    }
    return result;
  }

  #write(change: Change, at: string, seq: number | null): void {
    switch (change.entity) {
      case 'ticket':
        this.tickets.put(change.state, seq ?? undefined, change.type === 'ticket-opened');
        if (change.trackDigest) this.trackTokens.insert(change.trackDigest, change.state.id);
        return;
      case 'room':
        if (change.type === 'room-alternative-set') this.rooms.setAlternative(change.state.id, change.state.alternative?.id ?? null);
        return this.rooms.put(change.state);
      case 'room-qr': return this.rooms.replaceQrSecret(change.state.room, change.secret, at);
      case 'team': return;
      case 'rating': return this.trackTokens.rate(change.trackDigest, change.state.score, change.state.comment);
      case 'device': {
        const { id } = change.state;
        const digest = change.secret ? secretDigest(change.secret) : this.directory.device(id)?.secretDigest;
        const hash = change.secret ? brokerHash(id, change.secret) : this.directory.brokerHash(id);
        if (!digest) throw new Error(`device ${id} has no secret`);
        return this.directory.putDevice(change.state, digest, hash);
      }
      case 'category': return this.directory.putCategory(change.state);
      case 'team-names': return this.directory.putTeam(change.state);
      case 'session': {
        if (change.type === 'session-closed') return this.sessions.revokeDigest(change.session.tokenDigest);
        const { kind, role, room } = change.state;
        return this.sessions.insert(change.session.tokenDigest, { kind, subject: change.session.subject, role, room: room ?? null, expiresAt: change.session.expiresAt }, at);
      }
      case 'offline-alert': return this.directory.setOfflineAlert(change.state.device, change.state.ticket);
      case 'person': return this.entries.persons.put(change.state);
      case 'unit': return this.entries.units.put(change.state);
      case 'installation': return this.entries.installations.put(change.state);
      case 'duty': return this.dispatch.putDuty(change.state);
      case 'skills': return this.dispatch.putSkills(change.state);
      case 'stock-store': return this.stock.putStore(change.state);
      case 'stock-item': return this.stock.putItem(change.state);
      case 'stock-movement': return this.stock.appendMovement(change.state, seq);
      case 'announcement': return this.announcements.put(change.state);
      case 'announcement-read': return void this.announcements.markRead(change.state.announcement, change.state.reader, change.state.at);
      case 'push-subscription':
        if (change.type === 'push-unsubscribed') return void this.push.remove(change.state.endpoint);
        return this.push.put({ endpoint: change.state.endpoint, owner: change.state.owner, p256dh: change.state.p256dh ?? '', auth: change.state.auth ?? '' }, at);
      case 'service': return this.services.put(change.state);
      case 'service-settings': return this.services.putSettings(change.state);
      case 'order': return this.orders.put(change.state);
      case 'portal-link':
        if (change.type === 'portal-link-spent') return this.portal.spendLink(change.tokenDigest, at);
        return this.portal.insertLink(change.tokenDigest, change.state.person, at, change.state.expiresAt);
      case 'approval': return this.portal.putApproval(change.state);
      case 'payment':
        this.payments.put(change.state);
        if (change.notice) this.payments.putNotice({ ...change.notice, payment: change.state.id }, at);
        return;
      case 'refund': return this.payments.putRefund(change.state);
      case 'calendar': return this.serviceLevels.putCalendar(change.state);
      case 'schedule':
        if (change.type === 'schedule-removed') return this.schedules.remove(change.state.id);
        return this.schedules.put(change.state, change.nextDue);
      case 'schedule-catch-up': return;
      case 'schedule-cursor': return this.schedules.advance(change.state.schedule, change.state.made, change.state.nextDue);
      case 'sla-targets': return this.serviceLevels.putTargets(change.state);
      case 'sla-escalation': return this.slaEscalations.record(change.state);
      // The keeper writes the clocks, in the same transaction.
      case 'sla-clocks': return;
      case 'threshold': return this.thresholds.put(change.state);
      case 'excursion':
        if (change.type === 'excursion-ended') return this.thresholds.endExcursion(change.state.rule);
        return this.thresholds.putExcursion(change.state);
      case 'vendor': return this.workOrders.putVendor(change.state);
      case 'document': return this.documents.put(change.state, seq);
      case 'survey': return this.surveys.put(change.state);
      case 'survey-answer': return this.surveys.putResponse(change.state);
      case 'work-order': {
        this.workOrders.put(change.state);
        if (change.revoke) this.workOrders.revokeLinks(change.state.id, change.revoke.contact, at);
        for (const link of change.links ?? []) this.workOrders.insertLink(link.digest, change.state.id, link.contact, at, link.token);
        return;
      }
    }
  }

  /**
   * Group commit: transactions asked for in the same turn of the event loop run in one SQLite
   * transaction, each in its own savepoint, so one fsync covers them all. Each caller is
   * answered, and listeners hear of its changes, only once that transaction is on disk;
   * a refused change rolls back alone. A transaction alone in its turn runs as it is, with no
   * savepoint around it. `at` is read when the transaction runs.
   */
  batch<T>(actor: string, at: () => string, work: (tx: Tx, at: string) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ actor, at, work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const items = this.#queue.splice(0, MAX_BATCH);
    if (this.#queue.length > 0) setImmediate(() => this.#flush());
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const runAll = () => {
      for (const { actor, at, work } of items) {
        try {
          const now = at();
          outcomes.push({ ok: true, value: this.transact(actor, now, (tx) => work(tx, now)) });
        } catch (error) { outcomes.push({ ok: false, value: error }); }
      }
    };
    const headBefore = this.log.head;
    const ticketBefore = this.#lastTicket;
    this.#deferred = [];
    try {
      if (items.length === 1) runAll();
      else this.#inTransaction(runAll);
    } catch (error) {
      this.#rolledBack(error, headBefore, ticketBefore);
      this.directory.reload();
      this.#deferred = null;
      for (const item of items) item.reject(error);
      return;
    }
    const committed = this.#deferred;
    this.#deferred = null;
    for (const c of committed) this.#tell(this.#deviceListeners, c);
    // The other listeners and then the callers are heard two event-loop turns later, so what the
    // device listeners set going reaches its sockets first: the embedded broker takes the room's
    // status to its sign over promise turns and then one `setImmediate`. Otherwise the live feed,
    // pushes and the callers' own after-commit work (an HTTP answer's validation and
    // serialisation) would run ahead of the sign's packet. Both are queued here, in this order,
    // so the listeners still hear before any caller is answered.
    const answer = () => items.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
    if (committed.length > 0) {
      setImmediate(() => setImmediate(() => { for (const c of committed) this.#tell(this.#listeners, c); }));
      setImmediate(() => setImmediate(answer));
    } else answer();
  }

  /**
   * What is kept in memory goes back with a rollback. When the log moved under this process,
   * the database shows the head and the ticket numbers as they really are: read them again.
   */
  #rolledBack(error: unknown, headBefore: EventLog['head'], ticketBefore: number): void {
    if (error instanceof LogMoved) {
      this.log.reload();
      this.#lastTicket = this.tickets.highestNumber(ticketBefore);
    } else {
      this.log.head = headBefore;
      this.#lastTicket = ticketBefore;
    }
  }

  #notify(committed: Committed): void {
    this.#tell(this.#deviceListeners, committed);
    this.#tell(this.#listeners, committed);
  }

  #tell(listeners: readonly Listener[], committed: Committed): void {
    for (const listener of listeners) {
      // A failing listener (a closed socket, say) must not turn a committed change into an error.
      try { listener(committed); } catch (error) { process.emitWarning(error as Error); }
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    this.db.close();
  }
}
