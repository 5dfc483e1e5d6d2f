// The dashboard's paid-services catalogue and order records, loaded on their first visit.
import './ds-orders-section.ts';
import './ds-services-section.ts';
