import type { MqttClient } from 'mqtt';

/** Collects what a client receives and waits for a message that matches. */
export function inbox(client: MqttClient) {
  const messages: { topic: string; payload: string; retain: boolean }[] = [];
  const waiters: { match: (m: (typeof messages)[number]) => boolean; resolve: (m: (typeof messages)[number]) => void }[] = [];
  client.on('message', (topic, payload, packet) => {
    const message = { topic, payload: payload.toString(), retain: packet.retain };
    messages.push(message);
    for (const w of [...waiters]) if (w.match(message)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(message); }
  });
  return {
    messages,
    next(match: (m: (typeof messages)[number]) => boolean, timeoutMs = 3_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<(typeof messages)[number]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching MQTT message arrived')), timeoutMs);
        waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
  };
}

/** The SUBACK return codes: mqtt.js rejects when any is a failure (128) but keeps the packet on the error. */
export async function subackCodes(client: MqttClient, list: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(list, { qos: 1 })).map((g) => g.qos);
  } catch (error) {
    const packet = (error as { packet?: { granted: number[] } }).packet;
    if (!packet) throw error;
    return packet.granted;
  }
}
