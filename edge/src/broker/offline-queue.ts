import type { AedesPersistence } from 'aedes-persistence';

interface Sub { clientId: string }
interface QueuedPacket { messageId?: number }

export interface OfflineQueueBound {
  /** Messages one client's queue may hold while it is away. */
  max: number;
  /** Whether a client id has a live connection now; a connected client's queue is its unacknowledged messages. */
  isOnline(clientId: string): boolean;
  /** One message not queued for a client that is away because its queue is full. */
  onDrop(): void;
}

/**
 * aedes keeps QoS 1 and 2 messages for a persistent client (clean=false) that is away in its
 * persistence's outgoing queue, without any limit: a sign unplugged for a week, or a device
 * id that connected once with clean=false and never came back, would hold every command sent
 * to it. This wraps the persistence so a client away keeps at most `max` messages (the oldest;
 * what comes later is dropped and counted). The queue lengths are counted here, as the
 * in-memory persistence keeps its queues private: one more per message queued, one less per
 * message a client acknowledged (`outgoingClearMessageId` hands it back).
 */
export function boundOfflineQueue(persistence: AedesPersistence, bound: OfflineQueueBound): AedesPersistence {
  const queued = new Map<string, number>();
  const add = (clientId: string) => queued.set(clientId, (queued.get(clientId) ?? 0) + 1);
  const full = (clientId: string) => (queued.get(clientId) ?? 0) >= bound.max && !bound.isOnline(clientId);
  const p = persistence as unknown as {
    outgoingEnqueue(sub: Sub, packet: unknown): Promise<void>;
    outgoingEnqueueCombi(subs: Sub[], packet: unknown): Promise<void>;
    outgoingClearMessageId(client: { id: string }, packet: unknown): Promise<QueuedPacket | undefined>;
  };
  const enqueue = p.outgoingEnqueue.bind(persistence);
  const enqueueCombi = p.outgoingEnqueueCombi.bind(persistence);
  const clear = p.outgoingClearMessageId.bind(persistence);

  Object.assign(persistence, {
    // aedes calls these without a callback and awaits the promise (aedes 1.x).
    async outgoingEnqueue(sub: Sub, packet: unknown) {
      if (full(sub.clientId)) return bound.onDrop();
      add(sub.clientId);
      return enqueue(sub, packet);
    },
    async outgoingEnqueueCombi(subs: Sub[], packet: unknown) {
      const kept = subs.filter((sub) => !full(sub.clientId));
      for (let i = kept.length; i < subs.length; i += 1) bound.onDrop();
      if (kept.length === 0) return;
      for (const sub of kept) add(sub.clientId);
      return enqueueCombi(kept, packet);
    },
    async outgoingClearMessageId(client: { id: string }, packet: unknown) {
      const cleared = await clear(client, packet);
      if (cleared) {
        const left = (queued.get(client.id) ?? 1) - 1;
        if (left > 0) queued.set(client.id, left);
        else queued.delete(client.id);
      }
      return cleared;
    },
  });
  return persistence;
}
