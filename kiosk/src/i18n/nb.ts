import type { Catalog } from './en.ts';

/** Norsk bokmål */
export const nb: Catalog = {
  'language.name': 'Norsk bokmål',
  'status.available': 'Ledig',
  'status.service_due': 'Trenger service',
  'status.in_service': 'Under service',
  'status.pending_recovery': 'Venter på klargjøring',
  'status.do_not_use': 'Må ikke brukes',
  'sign.status': 'Romstatus',
  'sign.floor': '{floor}. etasje',
  'sign.since': 'Siden {time}, {ago}',
  'sign.connecting': 'Kobler til …',
  'sign.offline': 'Frakoblet',
  'sign.stale': 'Statusen som vises, kan være utdatert. Kobler til igjen …',
  'sign.denied': 'Dette skiltet har ikke tilgang til rom {room}. Sjekk lenken i kioskoppsettet.',
};
