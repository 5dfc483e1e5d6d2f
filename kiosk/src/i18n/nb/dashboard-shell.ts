import type { dashboardShell as english } from '../en/dashboard-shell.ts';

/** Norsk bokmål: the dashboard's sections and its room page. */
export const dashboardShell: Record<keyof typeof english, string> = {
  'dash.shell.roomNotFound': 'Det finnes ikke noe rom {room} på dette stedet.',
  'dash.shell.allRooms': 'Alle rom',
  'dash.shell.roomStatus': 'Status',
  'dash.shell.holds': 'Hva som holder dette rommet',
  'dash.shell.nothingHolds': 'Ingenting holder dette rommet: det er ledig.',
  'dash.shell.clears': 'Hva som frigjør det',
  'dash.shell.roomTickets': 'Saker i dette rommet',
  'dash.shell.roomDevices': 'Enheter i dette rommet',
  'dash.shell.noDevices': 'Ingen enheter er knyttet til dette rommet.',
  'dash.shell.setAvailable': 'Sett som ledig',
  'dash.shell.setAvailableTitle': 'Sett rommet tilbake til ledig',
  'dash.shell.reason': 'Begrunnelse (påkrevd)',
  'dash.shell.setFailed': 'Rommet kunne ikke settes som ledig: {message}',
  'dash.shell.setDone': 'Rommet er ledig igjen.',
  'dash.hold.rejection-policy': 'Avvisningen av {ticket} ({category}) satte rommet til «{status}»: det er kategoriens avvisningsregel.',
  'dash.hold.follow-up-open': 'Oppfølgingen {ticket} ({priority}) av {parent} er ennå ikke utført og godkjent.',
  'dash.hold.job-in-progress': 'Det arbeides med {ticket} ({category}).',
  'dash.hold.job-open': '{ticket} ({category}) er åpen, og denne kategorien stenger rommet mens en jobb er åpen.',
  'dash.hold.set-by-hand': 'Noen satte rommet til «{status}» for hånd; ingen sak holder det.',
  'dash.clear.approve-follow-up': 'Godkjenn oppfølgingen {ticket} når den er utført.',
  'dash.clear.redo-job': 'Gjør {ticket} på nytt og godkjenn den.',
  'dash.clear.finish-job': 'Fullfør {ticket} og godkjenn den, eller avbryt den.',
  'dash.clear.set-available': 'Eller noen med rett til det setter rommet som ledig, med en begrunnelse.',
};
