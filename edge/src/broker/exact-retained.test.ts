import { describe, expect, it } from 'vitest';
import { exactRetainedPersistence } from './exact-retained.ts';

const packet = (topic: string, payload: string) => ({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: true, brokerId: 'b', brokerCounter: 1 });

async function topicsOf(stream: NodeJS.ReadableStream): Promise<string[]> {
  const found: string[] = [];
  for await (const p of stream as AsyncIterable<{ topic: string }>) found.push(p.topic);
  return found.sort();
}

async function filled() {
  const persistence = exactRetainedPersistence();
  await (persistence as unknown as { setup(broker: unknown): Promise<void> }).setup({ id: 'b' });
  for (const topic of ['s/rooms/r1/status', 's/rooms/r2/status', 's/devices/d1/presence']) {
    await (persistence.storeRetained as unknown as (p: unknown) => Promise<void>)(packet(topic, 'x'));
  }
  return persistence;
}

describe('retained messages looked up by exact topic', () => {
  it('answers an exact subscription from the map and a wildcard one by matching', async () => {
    const persistence = await filled();

    const exact = await topicsOf(persistence.createRetainedStreamCombi(['s/rooms/r2/status', 's/rooms/r9/status']));
    const wildcard = await topicsOf(persistence.createRetainedStreamCombi(['s/rooms/+/status']));

    expect(exact).toEqual(['s/rooms/r2/status']);
    expect(wildcard).toEqual(['s/rooms/r1/status', 's/rooms/r2/status']);
  });

  it('forgets a retained message cleared with an empty payload', async () => {
    const persistence = await filled();

    await (persistence.storeRetained as unknown as (p: unknown) => Promise<void>)(packet('s/rooms/r1/status', ''));

    expect(await topicsOf(persistence.createRetainedStream('s/rooms/r1/status'))).toEqual([]);
    expect(await topicsOf(persistence.createRetainedStreamCombi(['s/#']))).toEqual(['s/devices/d1/presence', 's/rooms/r2/status']);
  });
});
