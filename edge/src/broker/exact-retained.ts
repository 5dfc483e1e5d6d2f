import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { AedesPersistence } from 'aedes-persistence';

type Persistence = AedesPersistence;
// The package is CommonJS and its typings describe the instance, not the factory.
const memory = createRequire(import.meta.url)('aedes-persistence') as () => Persistence;
interface RetainedPacket { topic: string; payload: Buffer | string }

const hasWildcard = (pattern: string) => pattern.includes('+') || pattern.includes('#');

/**
 * aedes' in-memory persistence answers every subscription by testing every retained
 * topic against it; with a retained presence message per device, a building's signs
 * reconnecting at once costs the square of their number. Devices may only subscribe to
 * exact topics, so those are answered from a map; wildcard subscriptions (an
 * integration's) still take the full scan.
 */
export function exactRetainedPersistence(): Persistence {
  const persistence = memory();
  const byTopic = new Map<string, RetainedPacket>();
  const store = persistence.storeRetained.bind(persistence) as (packet: RetainedPacket, cb?: (error?: Error | null) => void) => unknown;
  const combi = persistence.createRetainedStreamCombi.bind(persistence);
  const single = persistence.createRetainedStream.bind(persistence);
  const exact = (patterns: string[]) => Readable.from(patterns.flatMap((p) => (byTopic.has(p) ? [byTopic.get(p)!] : [])));

  Object.assign(persistence, {
    storeRetained(packet: RetainedPacket, cb?: (error?: Error | null) => void) {
      if (packet.payload.length === 0) byTopic.delete(packet.topic);
      else byTopic.set(packet.topic, { ...packet });
      return store(packet, cb);
    },
    createRetainedStreamCombi(patterns: string[]) {
      return patterns.some(hasWildcard) ? combi(patterns) : exact(patterns);
    },
    createRetainedStream(pattern: string) {
      return hasWildcard(pattern) ? single(pattern) : exact([pattern]);
    },
  });
  return persistence;
}
