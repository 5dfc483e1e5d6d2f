/**
 * How long to wait before reconnect attempt `attempt` (0-based): doubling from `baseMs`
 * up to `maxMs`, with up to a quarter of jitter so a building's signs, dropped together
 * by a gateway restart, do not all knock at the same instant.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 30_000): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(plain * (0.75 + random() * 0.25));
}

/**
 * How long to wait after the gateway turned the feed away because these credentials already
 * hold as many feeds as they may: about a minute, with up to a quarter more as jitter, so the
 * page does not knock again while the others are still open.
 */
export function crowdedWaitMs(random: () => number = Math.random, baseMs = 60_000): number {
  return Math.round(baseMs * (1 + random() * 0.25));
}
