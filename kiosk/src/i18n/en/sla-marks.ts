/** English words for a ticket's service-level mark in lists and its clocks in the ticket's detail. */
export const slaMarks = {
  'slaMark.breached': 'SLA breached',
  'slaMark.paused': 'SLA paused',
  'slaMark.due': 'SLA due {time}',
  'slaMark.title': 'Service level',
  'slaMark.responseDue': 'Answer due',
  'slaMark.resolutionDue': 'Resolve by',
  'slaMark.pausedFor': 'Time paused',
  'slaMark.breachedAt': 'Breached',
  'slaMark.notBreached': 'Not breached',
  'slaMark.answered': 'Answered',
  'slaMark.stopped': 'Stopped',
  'slaMark.onHold': 'Paused',
  'slaMark.noClock': 'No clock yet',
} as const;
