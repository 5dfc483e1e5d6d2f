import { createDecipheriv, createECDH, createHmac, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** A browser's side of RFC 8291: its key pair and auth secret, and the decryption of an aes128gcm body. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
    decrypt(body: Buffer): string {
      const salt = body.subarray(0, 16);
      const idLength = body[20]!;
      const serverKey = body.subarray(21, 21 + idLength);
      const sealed = body.subarray(21 + idLength);
      const shared = ecdh.computeSecret(serverKey);
      const ikm = hmac(hmac(auth, shared), Buffer.concat([Buffer.from('WebPush: info\0'), publicKey, serverKey, Buffer.from([1])]));
      const prk = hmac(salt, ikm);
      const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
      const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
      return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
    },
  };
}

describe('Web Push to staff phones', () => {
  let gw: TestGateway;
  let push: Server;
  let base: string;
  const received: { path: string; body: Buffer; headers: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // A push service of our own, over TLS as every push service is, with a certificate made here.
    const certs = mkdtempSync(join(tmpdir(), 'push-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certs, 'key.pem'), '-out', join(certs, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(join(certs, 'cert.pem'));
    push = createServer({ key: readFileSync(join(certs, 'key.pem')), cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(req.url?.includes('gone') ? 410 : 201).end();
      });
    });
    await new Promise<void>((resolve) => push.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(push.address() as { port: number }).port}`;
    gw = await startTestGateway({ pushAgent: new Agent({ ca: cert }) });
  });
  afterAll(async () => {
    await gw?.stop();
    await new Promise((resolve) => push?.close(resolve));
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };

  it('makes VAPID keys at first start and keeps them in the data folder', async () => {
    const file = join(gw.dir, 'vapid-keys.json');

    const key = await gw.call('GET', '/api/push/key');

    expect(existsSync(file) && (statSync(file).mode & 0o777)).toBe(0o600);
    expect(key.body.publicKey).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
  });

  it('pushes a job assigned to a staff member, encrypted for their browser, and removes a subscription the push service says is gone', async () => {
    const phone = browserKeys();
    const old = browserKeys();
    const ana = await gw.login('ana');
    const hanna = await gw.login('hanna');
    expect((await gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/push/ana-phone`, keys: phone.keys } })).body).toEqual({ subscribed: true });
    await gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/push/ana-gone`, keys: old.keys } });
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r101')!.reportApi);
    const ticket = (await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Spilled coffee' } })).body.ticket.id;

    await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    await until(() => received.some((r) => r.path === '/push/ana-phone') && gw.store.push.get(`${base}/push/ana-gone`) === undefined);

    const got = received.find((r) => r.path === '/push/ana-phone')!;
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(String(got.headers.authorization)).toMatch(/^vapid t=.+, k=/);
    expect(JSON.parse(phone.decrypt(got.body))).toMatchObject({ code: 'job-assigned', ticket });
    expect(gw.store.push.get(`${base}/push/ana-gone`)).toBeUndefined();
    expect(gw.store.push.get(`${base}/push/ana-phone`)?.owner).toBe('user:ana');
  });

  it('refuses an endpoint that is not an https URL, malformed keys, and no sign-in', async () => {
    const ana = await gw.login('ana');
    const keys = browserKeys().keys;

    const answers = await Promise.all([
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: 'not a url', keys } }),
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: 'http://127.0.0.1:1/x', keys } }),
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/x`, keys: { p256dh: 'short', auth: keys.auth } } }),
      gw.call('POST', '/api/push/subscriptions', { body: { endpoint: `${base}/x`, keys } }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 401]);
    expect(answers[1]!.body.error).toBe('BAD_PUSH_ENDPOINT');
  });
});
