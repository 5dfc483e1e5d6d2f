/** Nederlandse woorden voor het serviceniveau-label in lijsten en de termijnen in het ticketdetail. */
export const slaMarks = {
  'slaMark.breached': 'Termijn overschreden',
  'slaMark.paused': 'Termijn gepauzeerd',
  'slaMark.due': 'Termijn {time}',
  'slaMark.title': 'Serviceniveau',
  'slaMark.responseDue': 'Reageren vóór',
  'slaMark.resolutionDue': 'Oplossen vóór',
  'slaMark.pausedFor': 'Tijd gepauzeerd',
  'slaMark.breachedAt': 'Overschreden',
  'slaMark.notBreached': 'Niet overschreden',
  'slaMark.answered': 'Beantwoord',
  'slaMark.stopped': 'Gestopt',
  'slaMark.onHold': 'Gepauzeerd',
  'slaMark.noClock': 'Nog geen termijn',
} as const;
