// The dashboard's work orders section and a ticket's work orders, loaded on their first use.
import './ds-work-orders-section.ts';
import './ds-ticket-work-orders.ts';
