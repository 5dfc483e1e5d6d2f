import type { slaDashboard as english } from '../en/sla-dashboard.ts';

/** Norsk bokmål: the dashboard's service-levels section and the staff page's checklist. */
export const slaDashboard: Record<keyof typeof english, string> = {
  'slaDash.section': 'Servicenivåer',
  'slaDash.loading': 'Laster…',
  'slaDash.failed': 'Servicenivåene kunne ikke lastes.',
  'slaDash.breachedTitle': 'Brutt',
  'slaDash.noneBreached': 'Ingen åpne saker har brutt målene sine.',
  'slaDash.openTitle': 'Åpne saker, første frist først',
  'slaDash.noneOpen': 'Ingen åpne saker.',
  'slaDash.plannedTitle': 'Planlagt arbeid, neste {days} dager',
  'slaDash.nonePlanned': 'Ingenting er planlagt de neste {days} dagene.',
  'slaDash.moved': 'flyttet fra en fridag',
  'slaDash.made': 'sak {ticket} opprettet',
  'slaDash.colClock': 'Frist',
  'slaDash.noClock': 'ingen frist',
  'slaDash.response': 'Svar',
  'slaDash.resolution': 'Løs',
  'slaDash.left': '{time} igjen',
  'slaDash.over': 'brutt, {time} over',
  'slaDash.paused': 'satt på pause, {time} igjen',
  'slaDash.met': 'nådd i tide',
  'slaDash.metLate': 'nådd for sent',
  'slaDash.checklist': 'Sjekkliste',
  'slaDash.checklistDone': '{done} av {total} utført',
  'slaDash.tickFailed': 'Punktet kunne ikke krysses av. Prøv igjen.',
};
