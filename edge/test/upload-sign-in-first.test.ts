import { readdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let ticket: string;
beforeAll(async () => {
  gw = await startTestGateway();
  const cookie = await gw.login('sofia');
  const created = await gw.call('POST', '/api/tickets', { cookie, body: { kind: 'task', category: 'supplies', room: 'r101', description: 'Restock cups' } });
  ticket = created.body.id;
  if (typeof ticket !== 'string') throw new Error(`no ticket: ${JSON.stringify(created.body)}`);
});
afterAll(async () => { await gw.stop(); });

const stored = () => { try { return readdirSync(join(gw.dir, 'attachments')).length; } catch { return 0; } };

const MIB = 1024 * 1024;

interface EarlyAnswer { status: number; sentBytes: number; closedByServer: boolean }

/**
 * Announces a 30 MiB multipart upload, sends its head and the first 64 KiB of a file part,
 * then waits without sending more. Resolves with the answer's status, how many body bytes
 * had been sent when it came and whether the server then ended the connection (rather than
 * waiting to read the rest), or with null when no answer came within `waitMs`.
 */
function announceLargeUpload(path: string, headers: Record<string, string>, waitMs: number): Promise<EarlyAnswer | null> {
  const { port } = new URL(gw.http);
  const boundary = 'doorside-upload-boundary';
  const head = [
    `POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${30 * MIB}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', '',
  ].join('\r\n');
  const partHead = `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  const first = Buffer.concat([Buffer.from(partHead), Buffer.alloc(64 * 1024, 0xab)]);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => { socket.write(head); socket.write(first); });
    const timer = setTimeout(() => settle(false), waitMs);
    socket.on('data', (chunk) => { answer += chunk.toString('latin1'); });
    const settle = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const line = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      resolve(line ? { status: Number(line[1]), sentBytes: first.length, closedByServer } : null);
    };
    socket.on('end', () => settle(true));
    socket.on('error', (error) => (answer ? settle(true) : (clearTimeout(timer), reject(error))));
  });
}

describe('a photo upload is judged on sign-in before its body is read', () => {
  it('refuses an unsigned 30 MiB upload with 401 before the body is sent, and stores nothing', async () => {
    const before = stored();

    const answer = await announceLargeUpload(`/api/tickets/${ticket}/attachments`, {}, 3_000);

    expect(answer).not.toBeNull();
    expect(answer!.status).toBe(401);
    expect(answer!.sentBytes).toBeLessThan(30 * MIB);
    expect(answer!.closedByServer).toBe(true);
    expect(stored()).toBe(before);
  });

  it('refuses an upload under an ended session with 401 before the body is sent', async () => {
    const before = stored();

    const answer = await announceLargeUpload(`/api/tickets/${ticket}/attachments`, { cookie: 'ds_session=a-session-that-ended-long-ago' }, 3_000);

    expect(answer).not.toBeNull();
    expect(answer!.status).toBe(401);
    expect(stored()).toBe(before);
  });
});
