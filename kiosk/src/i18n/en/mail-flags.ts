/** English words for the warning that a reporter's mail address bounced. */
export const mailFlags = {
  'mailFlags.undeliverable': 'Mail to the reporter cannot be delivered',
  'mailFlags.undeliverableDetail': 'The address {contact} bounced. Replies by mail do not reach them: call or write another way.',
} as const;
