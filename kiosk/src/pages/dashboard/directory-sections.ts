// The dashboard's inquiries, people and installations sections, loaded on their first visit.
import './ds-inquiry-board.ts';
import './ds-inquiry-form.ts';
import './ds-people-section.ts';
import './ds-installation-history.ts';
