import type { Catalog } from './en.ts';

/** Nederlands */
export const nl: Catalog = {
  'language.name': 'Nederlands',
  'status.available': 'Beschikbaar',
  'status.service_due': 'Onderhoud nodig',
  'status.in_service': 'Wordt onderhouden',
  'status.pending_recovery': 'Wacht op herstel',
  'status.do_not_use': 'Niet gebruiken',
  'sign.status': 'Status van de ruimte',
  'sign.floor': 'Verdieping {floor}',
  'sign.since': 'Sinds {time}, {ago}',
  'sign.connecting': 'Verbinden…',
  'sign.offline': 'Offline',
  'sign.stale': 'De getoonde status is mogelijk verouderd. Opnieuw verbinden…',
  'sign.denied': 'Dit bord mag ruimte {room} niet tonen. Controleer de link in de kioskconfiguratie.',
};
