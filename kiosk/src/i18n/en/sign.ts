/** English words for the door sign. */
export const sign = {
  'sign.status': 'Room status',
  'sign.floor': 'Floor {floor}',
  'sign.since': 'Since {time}, {ago}',
  'sign.connecting': 'Connecting…',
  'sign.offline': 'Offline',
  'sign.stale': 'The status shown may be out of date. Reconnecting…',
  'sign.denied': 'This sign may not show room {room}. Check the link in its kiosk configuration.',
} as const;
