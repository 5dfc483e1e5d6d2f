/** Why a batch broke the chain (`chain-broken`'s `reason`); the pages word it. */
export const chainBreaks = ['seq-missing', 'head-behind-batch', 'head-not-last', 'event-changed', 'restore-mismatch', 'prev-hash-mismatch', 'hash-mismatch'] as const;
export type ChainBreak = (typeof chainBreaks)[number];
/** Why a site's log counts as cut back (`log-cut-back`'s `reason`). */
export const cutBacks = ['head-hash-differs', 'head-not-held', 'head-behind'] as const;
export type CutBack = (typeof cutBacks)[number];
