import type { slaDashboard as english } from '../en/sla-dashboard.ts';

/** Nederlands: the dashboard's service-levels section and the staff page's checklist. */
export const slaDashboard: Record<keyof typeof english, string> = {
  'slaDash.section': 'Serviceniveaus',
  'slaDash.loading': 'Laden…',
  'slaDash.failed': 'De serviceniveaus konden niet worden geladen.',
  'slaDash.breachedTitle': 'Overschreden',
  'slaDash.noneBreached': 'Geen open ticket heeft zijn doelen overschreden.',
  'slaDash.openTitle': 'Open tickets, eerst vervallend eerst',
  'slaDash.noneOpen': 'Geen open tickets.',
  'slaDash.plannedTitle': 'Gepland werk, komende {days} dagen',
  'slaDash.nonePlanned': 'Niets gepland in de komende {days} dagen.',
  'slaDash.moved': 'verplaatst van een vrije dag',
  'slaDash.made': 'ticket {ticket} aangemaakt',
  'slaDash.colClock': 'Termijn',
  'slaDash.noClock': 'geen termijn',
  'slaDash.response': 'Reactie',
  'slaDash.resolution': 'Oplossing',
  'slaDash.left': 'nog {time}',
  'slaDash.over': 'overschreden, {time} te laat',
  'slaDash.paused': 'gepauzeerd, nog {time}',
  'slaDash.met': 'op tijd gehaald',
  'slaDash.metLate': 'te laat gehaald',
  'slaDash.checklist': 'Checklist',
  'slaDash.checklistDone': '{done} van {total} gedaan',
  'slaDash.tickFailed': 'Het punt kon niet worden afgevinkt. Probeer het opnieuw.',
};
