import type { centralLink as english } from '../en/central-link.ts';

/** Norsk bokmål: om stedets synkroniseringsagent er der. */
export const centralLink: Record<keyof typeof english, string> = {
  'centralLink.title': 'Forbindelse',
  'centralLink.up': 'Agenten rapporterer',
  'centralLink.downSince': 'Nede: agenten rapporterte sist {ago}',
  'centralLink.neverSeen': 'Nede: ingen agent har rapportert ennå',
  'centralLink.agentGone': 'Synkroniseringsagenten sluttet å rapportere {ago}: forbindelsen regnes som nede til den er tilbake.',
};
