// The dashboard's inquiries, people and installations sections and a ticket's links, loaded on their first use.
import './ds-inquiry-board.ts';
import './ds-inquiry-form.ts';
import './ds-people-section.ts';
import './ds-installation-history.ts';
import './ds-ticket-links.ts';
