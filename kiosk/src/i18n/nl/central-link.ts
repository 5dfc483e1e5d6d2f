import type { centralLink as english } from '../en/central-link.ts';

/** Nederlands: of de synchronisatieagent van een locatie er is. */
export const centralLink: Record<keyof typeof english, string> = {
  'centralLink.title': 'Verbinding',
  'centralLink.up': 'Agent meldt zich',
  'centralLink.downSince': 'Verbroken: de agent meldde zich laatst {ago}',
  'centralLink.neverSeen': 'Verbroken: nog geen agent heeft zich gemeld',
  'centralLink.agentGone': 'De synchronisatieagent meldde zich voor het laatst {ago}: de verbinding telt als verbroken tot hij terug is.',
};
