import type { sign as english } from '../en/sign.ts';

/** Nederlands: the door sign. */
export const sign: Record<keyof typeof english, string> = {
  'sign.status': 'Status van de ruimte',
  'sign.floor': 'Verdieping {floor}',
  'sign.since': 'Sinds {time}, {ago}',
  'sign.connecting': 'Verbinden…',
  'sign.offline': 'Offline',
  'sign.stale': 'De getoonde status is mogelijk verouderd. Opnieuw verbinden…',
  'sign.denied': 'Dit bord mag ruimte {room} niet tonen. Controleer de link in de kioskconfiguratie.',
};
