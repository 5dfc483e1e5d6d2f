/** English words for what a sign shows while its room is out of use, and the dashboard's control for the room to use instead. */
export const signExtra = {
  'sign.ticket': 'Ticket {ticket}',
  'sign.alternative': 'Use {room} instead — floor {floor}',
  'dash.alternative.title': 'Room to use instead',
  'dash.alternative.hint': 'The sign shows it while this room is Do Not Use or pending recovery.',
  'dash.alternative.none': 'None',
  'dash.alternative.option': '{room} — floor {floor}',
  'dash.alternative.save': 'Save',
  'dash.alternative.saved': 'Saved: the sign now shows {room} as the room to use instead.',
  'dash.alternative.cleared': 'Saved: the sign names no other room.',
} as const;
