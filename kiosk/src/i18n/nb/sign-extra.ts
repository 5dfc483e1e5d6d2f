import type { signExtra as english } from '../en/sign-extra.ts';

/** Norsk bokmål: what a sign shows while its room is out of use, and the dashboard's control for the room to use instead. */
export const signExtra: Record<keyof typeof english, string> = {
  'sign.ticket': 'Sak {ticket}',
  'sign.alternative': 'Bruk {room} i stedet — etasje {floor}',
  'dash.alternative.title': 'Rom å bruke i stedet',
  'dash.alternative.hint': 'Skiltet viser det mens dette rommet er stengt eller venter på gjenoppretting.',
  'dash.alternative.none': 'Ingen',
  'dash.alternative.option': '{room} — etasje {floor}',
  'dash.alternative.save': 'Lagre',
  'dash.alternative.saved': 'Lagret: skiltet viser nå {room} som rommet å bruke i stedet.',
  'dash.alternative.cleared': 'Lagret: skiltet viser ikke noe annet rom.',
};
