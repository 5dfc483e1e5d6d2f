// The documents and survey sections, loaded with their first visit: the dashboard starts without them.
import './ds-documents-section.ts';
import './ds-survey-results.ts';
