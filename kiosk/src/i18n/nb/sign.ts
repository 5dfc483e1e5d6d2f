import type { sign as english } from '../en/sign.ts';

/** Norsk bokmål: the door sign. */
export const sign: Record<keyof typeof english, string> = {
  'sign.status': 'Romstatus',
  'sign.floor': '{floor}. etasje',
  'sign.since': 'Siden {time}, {ago}',
  'sign.connecting': 'Kobler til …',
  'sign.offline': 'Frakoblet',
  'sign.stale': 'Statusen som vises, kan være utdatert. Kobler til igjen …',
  'sign.denied': 'Dette skiltet har ikke tilgang til rom {room}. Sjekk lenken i kioskoppsettet.',
};
