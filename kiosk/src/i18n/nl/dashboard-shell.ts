import type { dashboardShell as english } from '../en/dashboard-shell.ts';

/** Nederlands: the dashboard's sections and its room page. */
export const dashboardShell: Record<keyof typeof english, string> = {
  'dash.shell.roomNotFound': 'Er is geen ruimte {room} op deze locatie.',
  'dash.shell.allRooms': 'Alle ruimtes',
  'dash.shell.roomStatus': 'Status',
  'dash.shell.holds': 'Wat deze ruimte blokkeert',
  'dash.shell.nothingHolds': 'Niets blokkeert deze ruimte: ze is beschikbaar.',
  'dash.shell.clears': 'Wat de blokkade opheft',
  'dash.shell.roomTickets': 'Meldingen in deze ruimte',
  'dash.shell.roomDevices': 'Apparaten in deze ruimte',
  'dash.shell.noDevices': 'Er zijn geen apparaten aan deze ruimte gekoppeld.',
  'dash.shell.setAvailable': 'Beschikbaar maken',
  'dash.shell.setAvailableTitle': 'De ruimte weer beschikbaar maken',
  'dash.shell.reason': 'Reden (verplicht)',
  'dash.shell.setFailed': 'De ruimte kon niet beschikbaar worden gemaakt: {message}',
  'dash.shell.setDone': 'De ruimte is weer beschikbaar.',
  'dash.hold.rejection-policy': 'De afkeuring van {ticket} ({category}) zette de ruimte op ‘{status}’: zo luidt het afkeurbeleid van de categorie.',
  'dash.hold.follow-up-open': 'Vervolgtaak {ticket} ({priority}) van {parent} is nog niet uitgevoerd en goedgekeurd.',
  'dash.hold.job-in-progress': 'Er wordt aan {ticket} ({category}) gewerkt.',
  'dash.hold.job-open': '{ticket} ({category}) staat open, en deze categorie houdt de ruimte buiten gebruik zolang een klus openstaat.',
  'dash.hold.set-by-hand': 'Iemand zette de ruimte met de hand op ‘{status}’; geen melding houdt haar vast.',
  'dash.clear.approve-follow-up': 'Keur vervolgtaak {ticket} goed zodra die klaar is.',
  'dash.clear.redo-job': 'Voer {ticket} opnieuw uit en keur het goed.',
  'dash.clear.finish-job': 'Rond {ticket} af en keur het goed, of annuleer het.',
  'dash.clear.set-available': 'Of iemand met het recht maakt de ruimte beschikbaar, met een reden.',
};
