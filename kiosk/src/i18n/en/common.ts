/** English words for language name and room statuses. */
export const common = {
  'language.name': 'English',
  'status.available': 'Available',
  'status.service_due': 'Service due',
  'status.in_service': 'Being serviced',
  'status.pending_recovery': 'Pending recovery',
  'status.do_not_use': 'Do not use',
} as const;
