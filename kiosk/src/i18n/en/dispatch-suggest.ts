/** English words for dispatch suggestions and being on or off duty. */
export const dispatchSuggest = {
  'dispatchSuggest.title': 'Who should take it',
  'dispatchSuggest.loading': 'Weighing who should take it…',
  'dispatchSuggest.none': 'Nobody of the team is on duty with the skill: the ticket stays in the team\'s pool.',
  'dispatchSuggest.offDuty.one': '{count} person off duty is not suggested.',
  'dispatchSuggest.offDuty.other': '{count} people off duty are not suggested.',
  'dispatchSuggest.assign': 'Assign to {name}',
  'dispatchSuggest.failed': 'The suggestions could not be loaded.',
  'dispatchSuggest.reason.LOAD.one': 'holds {count} open ticket',
  'dispatchSuggest.reason.LOAD.other': 'holds {count} open tickets',
  'dispatchSuggest.reason.SKILL': 'qualified for this category',
  'dispatchSuggest.reason.SAME_FLOOR': 'working on floor {floor} now',
  'dispatchSuggest.reason.SAME_ZONE': 'working in {zone} now',
  'dispatchSuggest.reason.CLASH': 'another visit booked at {time}',
  'dispatchSuggest.duty': 'On duty',
  'dispatchSuggest.dutyOn': 'You are on duty: jobs can be given to you.',
  'dispatchSuggest.dutyOff': 'You are off duty: nobody gives you jobs until you are back.',
} as const;
