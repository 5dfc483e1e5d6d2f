import type { Ticket } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

/** The commands that put a job in someone's hands or under way. */
export const DISPATCHING: ReadonlySet<string> = new Set(['assign', 'claim', 'transfer', 'start']);

/** Whether the ticket is the job of an order paid at order (下单即收费) that still waits for its money. */
export const awaitingPayment = (store: SiteStore, ticket: Pick<Ticket, 'id'>): boolean => store.orders.byTicket(ticket.id)?.status === 'awaiting-payment';
