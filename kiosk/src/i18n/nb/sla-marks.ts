/** Norske ord for sakens tjenestenivåmerke i lister og fristene i saksdetaljen. */
export const slaMarks = {
  'slaMark.breached': 'Frist brutt',
  'slaMark.paused': 'Frist på pause',
  'slaMark.due': 'Frist {time}',
  'slaMark.title': 'Tjenestenivå',
  'slaMark.responseDue': 'Svarfrist',
  'slaMark.resolutionDue': 'Løses innen',
  'slaMark.pausedFor': 'Tid på pause',
  'slaMark.breachedAt': 'Brutt',
  'slaMark.notBreached': 'Ikke brutt',
  'slaMark.answered': 'Besvart',
  'slaMark.stopped': 'Stoppet',
  'slaMark.onHold': 'På pause',
  'slaMark.noClock': 'Ingen frist ennå',
} as const;
