import fc from 'fast-check';
import { generate, type Packet } from 'mqtt-packet';
import { topics } from '../src/contracts/mqtt.ts';

/** A device of the demo site as the credentials file lists it. */
export interface FuzzDevice { id: string; room: string; username: string; password: string }

/** Small seeded PRNG (mulberry32), so a run can be repeated from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const validEvents = [
  { type: 'button', action: 'request_service', category: 'cleaning' },
  { type: 'button', action: 'approve' },
  { type: 'button', action: 'reject', reason: 'Not clean' },
  { type: 'scan', code: 'badge-1234' },
  { type: 'reading', sensor: 'temp', value: 21.5, unit: 'C' },
];

/** JSON-ish payloads for a device's events topic: valid events with fields replaced, random JSON, broken text, odd bytes. */
export function payloads(seed: number, count: number): Buffer[] {
  const field = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('request_service', 'approve', 'reject', 'button', 'scan', 'reading', '', 'x'.repeat(5000)));
  const mutatedEvent = fc.record({ base: fc.constantFrom(...validEvents), key: fc.constantFrom('type', 'action', 'reason', 'category', 'code', 'sensor', 'value', 'unit', 'at', '__proto__', 'constructor', 'extra'), value: field })
    .map(({ base, key, value }) => Buffer.from(JSON.stringify({ ...base, [key]: value })));
  const arb = fc.oneof(
    { weight: 4, arbitrary: mutatedEvent },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.constantFrom(...validEvents).map((e) => Buffer.from(JSON.stringify(e))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 500 }).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"type":', '[]', '""', 'null', '{"type":"button","action":"approve"', '\u0000', '{"__proto__":{"admin":true},"type":"scan","code":"x"}').map((s) => Buffer.from(s)) },
  );
  return fc.sample(arb, { numRuns: count, seed });
}

/** Topics a device might try: its own, another device's, a room's status, wildcards, junk. */
export function topicFor(rnd: () => number, site: string, me: FuzzDevice, other: FuzzDevice): string {
  const choices = [
    () => topics.deviceEvents(site, me.id), () => topics.deviceEvents(site, me.id), () => topics.deviceEvents(site, me.id),
    () => topics.presence(site, me.id), () => topics.deviceCommands(site, me.id),
    () => topics.deviceEvents(site, other.id), () => topics.roomStatus(site, me.room), () => topics.roomStatus(site, other.room),
    () => topics.teamNotifications(site, 'cleaning'), () => `doorside/${site}/rooms/${me.room}/announcement`,
    () => `doorside/${site}/#`, () => '#', () => '$SYS/broker', () => '', () => '/'.repeat(Math.floor(rnd() * 50)),
    () => `doorside/${site}/devices/${me.id}/events/${'x'.repeat(Math.floor(rnd() * 2000))}`,
    () => String.fromCharCode(...Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 0xd7ff))),
    () => `doorside/${site}/devices/${me.id}/events\u0000hidden`,
  ];
  return choices[Math.floor(rnd() * choices.length)]!();
}

/** A well-formed packet of some kind (PUBLISH most often), as a signed-in device might send after CONNECT. */
function basePacket(rnd: () => number, site: string, me: FuzzDevice, other: FuzzDevice, payload: Buffer): Packet {
  const id = 1 + Math.floor(rnd() * 65_534);
  const pick = rnd();
  if (pick < 0.6) {
    const qos = Math.floor(rnd() * 3) as 0 | 1 | 2;
    return { cmd: 'publish', topic: topicFor(rnd, site, me, other), payload, qos, retain: rnd() < 0.2, dup: rnd() < 0.1, ...(qos > 0 ? { messageId: id } : {}) } as Packet;
  }
  if (pick < 0.72) return { cmd: 'subscribe', messageId: id, subscriptions: [{ topic: topicFor(rnd, site, me, other), qos: Math.floor(rnd() * 3) as 0 | 1 | 2 }] } as Packet;
  if (pick < 0.78) return { cmd: 'unsubscribe', messageId: id, unsubscriptions: [topicFor(rnd, site, me, other)] } as Packet;
  if (pick < 0.86) return { cmd: 'pingreq' };
  if (pick < 0.9) return { cmd: 'puback', messageId: id } as Packet;
  if (pick < 0.94) return { cmd: 'pubrel', messageId: id } as Packet;
  if (pick < 0.97) return { cmd: 'pubrec', messageId: id } as Packet;
  return connectPacket(rnd, me);
}

export function connectPacket(rnd: () => number, device: FuzzDevice, clientId = `fuzz-${device.id}-${Math.floor(rnd() * 1e9)}`): Packet {
  return {
    cmd: 'connect', protocolId: 'MQTT', protocolVersion: rnd() < 0.8 ? 4 : 5, clean: true, keepalive: 30, clientId,
    username: device.username, password: Buffer.from(device.password),
  } as Packet;
}

/** One of the mutations: as is, bit flips, a cut, a wrong remaining length, a random type, or plain noise. */
export function mutate(rnd: () => number, packet: Buffer): { kind: string; bytes: Buffer } {
  const pick = rnd();
  const bytes = Buffer.from(packet);
  if (pick < 0.15) return { kind: 'valid', bytes };
  if (pick < 0.45) {
    const flips = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < flips; i++) { const at = Math.floor(rnd() * bytes.length); bytes[at]! ^= 1 << Math.floor(rnd() * 8); }
    return { kind: 'bit flips', bytes };
  }
  if (pick < 0.6) return { kind: 'truncated', bytes: bytes.subarray(0, Math.floor(rnd() * bytes.length)) };
  if (pick < 0.75) {
    // The remaining-length varint starts at byte 1: rewrite it shorter, longer or malformed.
    const length = [0, 1, 2, 127, 128, 16_383, 65_535, 65_537, 2_097_151, 268_435_455][Math.floor(rnd() * 10)]!;
    const varint: number[] = [];
    let n = length;
    do { let d = n % 128; n = Math.floor(n / 128); if (n > 0) d |= 0x80; varint.push(d); } while (n > 0);
    if (rnd() < 0.2) varint.push(0xff, 0xff, 0xff, 0xff);
    let end = 1;
    while (end < bytes.length && (bytes[end]! & 0x80) !== 0) end++;
    return { kind: 'wrong length', bytes: Buffer.concat([bytes.subarray(0, 1), Buffer.from(varint), bytes.subarray(end + 1)]) };
  }
  if (pick < 0.85) { bytes[0] = Math.floor(rnd() * 256); return { kind: 'random type', bytes }; }
  if (pick < 0.92) return { kind: 'noise', bytes: Buffer.from(Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256))) };
  return { kind: 'doubled', bytes: Buffer.concat([bytes, bytes]) };
}

/** `count` mutated packets for a connection signed in as `me`. */
export function mutatedPackets(rnd: () => number, site: string, me: FuzzDevice, other: FuzzDevice, payloadPool: Buffer[], count: number) {
  return Array.from({ length: count }, () => {
    const payload = payloadPool[Math.floor(rnd() * payloadPool.length)]!;
    let packet: Buffer;
    try {
      packet = generate(basePacket(rnd, site, me, other, payload));
    } catch {
      packet = generate({ cmd: 'pingreq' });
    }
    return mutate(rnd, packet);
  });
}
