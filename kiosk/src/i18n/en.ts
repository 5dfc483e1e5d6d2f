/** English: the reference catalog. Every other language has exactly these keys and placeholders. */
export const en = {
  'language.name': 'English',
  'status.available': 'Available',
  'status.service_due': 'Service due',
  'status.in_service': 'Being serviced',
  'status.pending_recovery': 'Pending recovery',
  'status.do_not_use': 'Do not use',
  'sign.status': 'Room status',
  'sign.floor': 'Floor {floor}',
  'sign.since': 'Since {time}, {ago}',
  'sign.connecting': 'Connecting…',
  'sign.offline': 'Offline',
  'sign.stale': 'The status shown may be out of date. Reconnecting…',
  'sign.denied': 'This sign may not show room {room}. Check the link in its kiosk configuration.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
