import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

type RejectReason = 'connect-timeout' | 'not-connect-first' | 'packet-too-large' | 'malformed-length';

export interface PacketGuardOptions {
  /** The first packet must be a complete CONNECT within this time (10_000 in production). */
  connectTimeoutMs: number;
  /** Cap on any packet's remaining length (65_536 by default). */
  maxRemainingLength: number;
  onReject?: (reason: RejectReason) => void;
}

const CONNECT = 1;
// MQTT's remaining-length varint carries at most 4 bytes; a 5th continuation byte is malformed.
const MAX_LENGTH_BYTES = 4;

interface HeaderScanner {
  /** Returns why the stream must be dropped, or undefined if every header in the chunk is acceptable. */
  feed(chunk: Buffer): RejectReason | undefined;
  readonly firstPacketComplete: boolean;
}

/**
 * Follows packet boundaries with a handful of counters. Bodies are skipped, never copied,
 * so a peer announcing a huge packet costs us nothing until aedes would have buffered it.
 */
function createHeaderScanner(maxRemainingLength: number): HeaderScanner {
  let phase: 'type' | 'length' | 'body' = 'type';
  let length = 0;
  let multiplier = 1;
  let lengthBytes = 0;
  let bodyLeft = 0;
  let firstPacketComplete = false;

  function startHeader(byte: number): RejectReason | undefined {
    if (!firstPacketComplete && byte >> 4 !== CONNECT) return 'not-connect-first';
    phase = 'length';
    length = 0;
    multiplier = 1;
    lengthBytes = 0;
    return undefined;
  }

  function readLengthByte(byte: number): RejectReason | undefined {
    length += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    lengthBytes += 1;
    const continues = (byte & 0x80) !== 0;
    if (continues && lengthBytes === MAX_LENGTH_BYTES) return 'malformed-length';
    // The value so far is a lower bound of the final one, so we can refuse before the varint ends.
    if (length > maxRemainingLength) return 'packet-too-large';
    if (continues) return undefined;
    bodyLeft = length;
    phase = 'body';
    if (bodyLeft === 0) endPacket();
    return undefined;
  }

  function endPacket(): void {
    firstPacketComplete = true;
    phase = 'type';
  }

  function feed(chunk: Buffer): RejectReason | undefined {
    let i = 0;
    while (i < chunk.length) {
      if (phase === 'body') {
        const skip = Math.min(bodyLeft, chunk.length - i);
        i += skip;
        bodyLeft -= skip;
        if (bodyLeft === 0) endPacket();
        continue;
      }
      const byte = chunk.readUInt8(i);
      i += 1;
      const reason = phase === 'type' ? startHeader(byte) : readLengthByte(byte);
      if (reason) return reason;
    }
    return undefined;
  }

  return {
    feed,
    get firstPacketComplete() {
      return firstPacketComplete;
    },
  };
}

/**
 * Wraps a raw client socket so aedes only ever sees byte streams whose packet headers we have
 * vetted: aedes itself has no size cap and would buffer whatever length a client announces.
 * Hand the returned stream to `broker.handle()`.
 */
export function guardMqttSocket(socket: Socket, options: PacketGuardOptions): Duplex {
  const scanner = createHeaderScanner(options.maxRemainingLength);
  let rejected = false;

  const duplex = new Duplex({
    // Half-open MQTT connections are useless; an ended socket should end both directions.
    allowHalfOpen: false,
    read() {
      if (!socket.destroyed) socket.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      if (socket.write(chunk)) callback();
      else socket.once('drain', () => callback());
    },
    // aedes writes a packet in pieces; corked, they leave as one segment and one syscall.
    writev(chunks, callback) {
      socket.cork();
      let flowing = true;
      for (const { chunk } of chunks) flowing = socket.write(chunk as Buffer) && flowing;
      socket.uncork();
      if (flowing) callback();
      else socket.once('drain', () => callback());
    },
    final(callback) {
      socket.end();
      callback();
    },
    destroy(error, callback) {
      clearTimeout(connectTimer);
      socket.destroy();
      callback(error);
    },
  });

  function reject(reason: RejectReason): void {
    if (rejected || duplex.destroyed) return;
    rejected = true;
    socket.destroy();
    duplex.destroy();
    options.onReject?.(reason);
  }

  const connectTimer = setTimeout(() => reject('connect-timeout'), options.connectTimeoutMs);

  socket.on('data', (chunk: Buffer) => {
    const reason = scanner.feed(chunk);
    if (reason) return reject(reason);
    if (scanner.firstPacketComplete) clearTimeout(connectTimer);
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('error', (error) => {
    // Forward the cause only to someone listening; otherwise a peer reset would crash the process.
    duplex.destroy(duplex.listenerCount('error') > 0 ? error : undefined);
  });
  socket.on('close', () => duplex.destroy());

  exposePeerAddress(duplex, socket);
  return duplex;
}

/** aedes and our logs read `conn.remoteAddress`; a bare Duplex would report undefined. */
function exposePeerAddress(duplex: Duplex, socket: Socket): void {
  Object.defineProperties(duplex, {
    remoteAddress: { get: () => socket.remoteAddress, enumerable: true },
    remotePort: { get: () => socket.remotePort, enumerable: true },
  });
}
