import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess } from '../src/test-support/gateway-process.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let hanna: string;
beforeAll(async () => { gw = await startTestGateway({ publicUrl: PUBLIC }); hanna = await gw.login('hanna'); });
afterAll(async () => { await gw.stop(); });

const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };

describe('the public address (DOORSIDE_PUBLIC_URL)', () => {
  it('builds every link in the credentials file from it, and keeps the listening address beside it', () => {
    const creds = JSON.parse(readFileSync(join(gw.dir, 'demo-credentials.json'), 'utf8'));

    expect(creds.http).toBe(gw.http);
    expect(creds.public).toBe(PUBLIC);
    expect(creds.urls.dashboard).toBe(`${PUBLIC}/dashboard`);
    expect(creds.urls.portal).toBe(`${PUBLIC}/portal`);
    expect(creds.tenants).toContainEqual({ name: 'Lena Brandt', email: 'lena.brandt@nordlys.example', company: 'Nordlys AS', role: 'tenant_admin' });
    expect(creds.rooms[0].reportUrl).toMatch(new RegExp(`^${PUBLIC}/report/r101\\?k=`));
    expect(creds.rooms[0].shortUrl).toMatch(new RegExp(`^${PUBLIC}/r/[a-z2-9]{8}$`));
    expect(creds.panels[0].url).toBe(`${PUBLIC}/panel/${creds.panels[0].room}`);
    expect(creds.devices.find((d: { url: string | null }) => d.url).url).toMatch(new RegExp(`^${PUBLIC}/sign/`));
  });

  it('puts it in a rotated QR code even when the request came to the listening address', async () => {
    const rotated = await gw.call('POST', '/api/rooms/r201/qr/rotate', { cookie: hanna });

    expect(rotated.body.reportUrl).toMatch(new RegExp(`^${PUBLIC}/report/r201\\?k=`));
    expect(rotated.body.reportApi).toMatch(new RegExp(`^${PUBLIC}/api/rooms/r201/reports\\?k=`));
  });

  it('answers a report with a tracking link on it', async () => {
    const room = gw.creds.rooms.find((r) => r.id === 'r102')!;

    const res = await gw.call('POST', pathOf(room.reportApi), { body: { category: 'cleaning', description: 'Spilled coffee' } });

    expect(res.status).toBe(201);
    expect(res.body.trackUrl).toBe(`${PUBLIC}/track/${res.body.trackToken}`);
  });

  it('gives a new sign a config that reaches the gateway at it', async () => {
    const res = await gw.call('POST', '/api/devices', { cookie: hanna, body: { id: 'sign-public', kind: 'sign', room: 'r203' } });

    expect(res.status).toBe(201);
    expect(res.body.mqtt.url).toMatch(/^mqtt:\/\/doorside\.example\.org:\d+$/);
    expect(JSON.stringify(res.body.kiosk)).toContain(`${PUBLIC}/sign/r203`);
  });
});

describe('npm start and the public address', () => {
  it('prints the public address and warns, on stdout and not as an error, when it is a loopback one', async () => {
    const gateway = await startGatewayProcess();
    try {
      expect(gateway.out.stdout).toMatch(/^ {2}Public address {2}http:\/\/127\.0\.0\.1:\d+/m);
      expect(gateway.out.stdout.split('\n').filter((l) => l.startsWith('warning:'))).toHaveLength(1);
      expect(gateway.out.stdout).toMatch(/^warning: .*DOORSIDE_PUBLIC_URL/m);
      expect(gateway.errors()).toEqual([]);
    } finally {
      await gateway.stop();
    }
  });

  it('prints no warning when the public address is one phones can reach', async () => {
    const gateway = await startGatewayProcess({ DOORSIDE_PUBLIC_URL: 'http://10.0.0.5:8080' });
    try {
      expect(gateway.out.stdout).toMatch(/^ {2}Public address {2}http:\/\/10\.0\.0\.5:8080 /m);
      expect(gateway.out.stdout).not.toMatch(/^warning:/m);
      expect(gateway.creds.rooms[0]!.reportUrl).toMatch(/^http:\/\/10\.0\.0\.5:8080\/report\//);
    } finally {
      await gateway.stop();
    }
  });

  it('refuses to start with an address that is not http(s), in one line that names it', async () => {
    const failed = await startGatewayProcess({ DOORSIDE_PUBLIC_URL: 'doorside.local' }).then(() => null, (error: Error) => error.message);

    expect(failed).toMatch(/DOORSIDE_PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/);
  });
});
