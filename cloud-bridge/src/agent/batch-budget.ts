import type { ShippedEvent } from '@doorside/edge/contracts';

/** As many events as fit in the byte budget, at least one. */
export function fitted(events: ShippedEvent[], maxBytes: number): ShippedEvent[] {
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    // The state dominates; 400 bytes covers the other fields and the JSON around them.
    bytes += events[i]!.state.length + 400;
    if (bytes > maxBytes && i > 0) return events.slice(0, i);
  }
  return events;
}
