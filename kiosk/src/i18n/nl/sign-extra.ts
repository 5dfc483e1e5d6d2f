import type { signExtra as english } from '../en/sign-extra.ts';

/** Nederlands: what a sign shows while its room is out of use, and the dashboard's control for the room to use instead. */
export const signExtra: Record<keyof typeof english, string> = {
  'sign.ticket': 'Melding {ticket}',
  'sign.alternative': 'Gebruik in plaats daarvan {room} — verdieping {floor}',
  'dash.alternative.title': 'Ruimte om in plaats daarvan te gebruiken',
  'dash.alternative.hint': 'Het bord toont deze zolang deze ruimte buiten gebruik is of op herstel wacht.',
  'dash.alternative.none': 'Geen',
  'dash.alternative.option': '{room} — verdieping {floor}',
  'dash.alternative.save': 'Opslaan',
  'dash.alternative.saved': 'Opgeslagen: het bord toont nu {room} als ruimte om in plaats daarvan te gebruiken.',
  'dash.alternative.cleared': 'Opgeslagen: het bord noemt geen andere ruimte.',
};
