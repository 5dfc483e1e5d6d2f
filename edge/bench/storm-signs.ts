import net from 'node:net';
import { type LatencySummary, summarize } from './stats.ts';

/**
 * The storm's signs, run in the storm child process: plain MQTT 3.1.1 over raw sockets, a few
 * hundred bytes of state each, so 2,000 of them cost the client far less than the broker.
 * Each does what a sign does after a broker restart: CONNECT with its own credentials (clean
 * session, keepalive 60 s), SUBSCRIBE QoS 1 to its room's status once CONNACK says 0, PUBACK
 * the retained status, and on a refused or dropped connection try again a second later.
 */

export interface StormSign { id: string; password: string; topic: string; room: string }

export interface StormJob {
  url: string;
  signs: StormSign[];
  /** What each room's retained status must say: a sign counts as done only on this payload. */
  expected: Record<string, { status: string; since: string; ticket: string | null }>;
  /** External-broker firmware announces itself: retained `online` after CONNACK, `offline` as its will. */
  presence: boolean;
  /** At most this many signs between TCP connect and CONNACK at a time (0: all at once). */
  maxPending: number;
  timeoutMs: number;
}

export interface StormResult {
  signs: number;
  done: number;
  /** From the first connect to the last sign holding its correct status. */
  seconds: number;
  toStatus: LatencySummary;
  retries: number;
  refused: number;
  wrongPayloads: number;
  clientCpu: number;
}

const str = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  const out = Buffer.alloc(2 + b.length);
  out.writeUInt16BE(b.length, 0);
  b.copy(out, 2);
  return out;
};

function packet(first: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const len: number[] = [];
  let n = body.length;
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    len.push(byte);
  } while (n > 0);
  return Buffer.concat([Buffer.from([first, ...len]), body]);
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);

function connectPacket(sign: StormSign, presence: boolean, presenceTopic: string): Buffer {
  // username | password | (will retain, will QoS 1, will) | clean session
  const flags = 0x80 | 0x40 | (presence ? 0x20 | 0x08 | 0x04 : 0) | 0x02;
  const will = presence ? [str(presenceTopic), str('offline')] : [];
  return packet(0x10, str('MQTT'), Buffer.from([4, flags]), u16(60), str(sign.id), ...will, str(sign.id), str(sign.password));
}

const sockets = new Set<net.Socket>();
/** Bumped by closeAll, so a sign still waiting to retry from an earlier storm stays down. */
let generation = 0;

export async function runStorm(job: StormJob): Promise<StormResult> {
  const { hostname, port } = new URL(job.url);
  const doneAt: number[] = [];
  let retries = 0;
  let refused = 0;
  let wrongPayloads = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => { finish = resolve; });
  const queue: StormSign[] = [];
  let pending = 0;
  const mine = generation;
  const launch = () => {
    while (mine === generation && queue.length > 0 && (job.maxPending === 0 || pending < job.maxPending)) {
      pending++;
      start(queue.shift()!);
    }
  };

  const start = (sign: StormSign) => {
    const presenceTopic = sign.topic.replace(/rooms\/[^/]+\/status$/, `devices/${sign.id}/presence`);
    const expected = job.expected[sign.room]!;
    let buffer: Buffer = Buffer.alloc(0);
    let done = false;
    let waiting = true; // counted in `pending` until CONNACK or close
    const settle = () => {
      if (!waiting) return;
      waiting = false;
      pending--;
      launch();
    };
    const socket = net.connect({ host: hostname, port: Number(port) });
    sockets.add(socket);
    socket.setNoDelay(true);
    const retry = () => {
      sockets.delete(socket);
      settle();
      if (done) return;
      retries++;
      setTimeout(() => { queue.push(sign); launch(); }, 1_000);
    };
    socket.on('error', () => {});
    socket.on('close', retry);
    socket.on('connect', () => socket.write(connectPacket(sign, job.presence, presenceTopic)));
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        let len = 0;
        let mul = 1;
        let i = 1;
        for (; i < buffer.length && i < 5; i++) {
          len += (buffer[i]! & 0x7f) * mul;
          mul *= 128;
          if ((buffer[i]! & 0x80) === 0) break;
        }
        if (i >= buffer.length || buffer.length < i + 1 + len) return;
        const type = buffer[0]! >> 4;
        const body = buffer.subarray(i + 1, i + 1 + len);
        const qos = (buffer[0]! >> 1) & 3;
        buffer = buffer.subarray(i + 1 + len);
        if (type === 2) { // CONNACK
          settle();
          if (body[1] !== 0) { refused++; socket.destroy(); return; }
          const subscribe = packet(0x82, u16(1), str(sign.topic), Buffer.from([1]));
          socket.write(job.presence ? Buffer.concat([subscribe, packet(0x33, str(presenceTopic), u16(2), Buffer.from('online'))]) : subscribe);
        } else if (type === 9 && body[2] === 0x80) { // SUBACK refused
          refused++;
          socket.destroy();
          return;
        } else if (type === 3) { // PUBLISH
          const topicLen = body.readUInt16BE(0);
          const topic = body.toString('utf8', 2, 2 + topicLen);
          const at = 2 + topicLen + (qos > 0 ? 2 : 0);
          if (qos === 1) socket.write(Buffer.from([0x40, 2, body[2 + topicLen]!, body[3 + topicLen]!]));
          if (topic !== sign.topic || done) continue;
          let got: { status?: string; since?: string; ticket?: string | null } = {};
          try { got = JSON.parse(body.toString('utf8', at)); } catch { /* counted as wrong below */ }
          if (got.status !== expected.status || got.since !== expected.since || got.ticket !== expected.ticket) { wrongPayloads++; continue; }
          done = true;
          doneAt.push(performance.now() - t0);
          if (doneAt.length === job.signs.length) finish();
        }
      }
    });
  };

  const cpu = process.cpuUsage();
  const t0 = performance.now();
  queue.push(...job.signs);
  launch();
  const timer = setTimeout(finish, job.timeoutMs);
  await finished;
  clearTimeout(timer);
  const seconds = (doneAt.length === job.signs.length ? Math.max(...doneAt) : performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    signs: job.signs.length, done: doneAt.length, seconds, toStatus: summarize(doneAt), retries, refused, wrongPayloads,
    clientCpu: (used.user + used.system) / 1e3 / (seconds * 1000),
  };
}

/** Sends DISCONNECT on every open connection and waits until they are all closed. */
export async function closeAll(): Promise<number> {
  generation++;
  const open = [...sockets];
  sockets.clear();
  await Promise.all(open.map((s) => new Promise<void>((resolve) => {
    s.removeAllListeners('close');
    s.once('close', () => resolve());
    if (s.destroyed) return resolve();
    s.end(Buffer.from([0xe0, 0]));
    setTimeout(() => s.destroy(), 2_000).unref();
  })));
  return open.length;
}

export const openConnections = () => [...sockets].filter((s) => !s.destroyed).length;
