/** English words for linking a person to the unit they belong to. */
export const peopleLinks = {
  'peopleLinks.unit': 'Unit (optional)',
  'peopleLinks.col.unit': 'Unit',
  'peopleLinks.noUnit': 'No unit',
  'peopleLinks.unitHint': 'Mail from this person is filed in the first room of their unit.',
} as const;
