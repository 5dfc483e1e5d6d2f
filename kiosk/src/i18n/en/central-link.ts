/** English words for whether a site's sync agent is there. */
export const centralLink = {
  'centralLink.title': 'Link',
  'centralLink.up': 'Agent reporting',
  'centralLink.downSince': 'Down: the agent last reported {ago}',
  'centralLink.neverSeen': 'Down: no agent has reported yet',
  'centralLink.agentGone': 'The sync agent stopped reporting {ago}: the link counts as down until it is back.',
} as const;
