import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { parse } from 'yaml';

interface Service {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
}

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { services } = compose;
const sourceOf = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the docker-compose deployment', () => {
  it('runs gateway, bridge, central and postgres, and mosquitto only under the external-broker profile', () => {
    expect(Object.keys(services).sort()).toEqual(['bridge', 'central', 'gateway', 'mosquitto', 'postgres']);
    expect(services.mosquitto!.profiles).toEqual(['external-broker']);
    for (const name of ['gateway', 'bridge', 'central', 'postgres']) expect(services[name]!.profiles).toBeUndefined();
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test?.length, name).toBeGreaterThan(1);
    }
    expect(services.central!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8090/health');
    expect(services.postgres!.healthcheck!.test).toContain('pg_isready');
  });

  it('publishes the gateway, its broker and the central view, and keeps PostgreSQL off the host', () => {
    expect(services.gateway!.ports).toEqual(['8080:8080', '1883:1883']);
    expect(services.central!.ports).toEqual(['8090:8090']);
    expect(services.postgres!.ports).toBeUndefined();
    expect(services.bridge!.ports).toBeUndefined();
  });

  it('keeps each service\'s data in a declared named volume', () => {
    const named = (s: Service) => (s.volumes ?? []).map((v) => v.split(':')[0]!).filter((v) => !v.startsWith('.'));
    expect(named(services.gateway!)).toContain('gateway-data');
    expect(named(services.central!)).toContain('central-data');
    expect(named(services.postgres!)).toContain('postgres-data');
    for (const service of Object.values(services)) for (const volume of named(service)) expect(Object.keys(compose.volumes)).toContain(volume);
    expect(services.bridge!.volumes).toEqual(expect.arrayContaining(['gateway-data:/gateway-data:ro', 'central-data:/central-data:ro']));
  });

  it('starts each service after what it needs is healthy', () => {
    expect(services.central!.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, gateway: { condition: 'service_healthy' } });
    expect(services.bridge!.depends_on).toEqual({ gateway: { condition: 'service_healthy' }, central: { condition: 'service_healthy' } });
  });

  it('points central at postgres and the bridge at gateway and central with the variables their configs read', () => {
    const central = services.central!.environment!;
    const bridge = services.bridge!.environment!;
    const password = services.postgres!.environment!.POSTGRES_PASSWORD;

    expect(central.DOORSIDE_CENTRAL_DATABASE_URL).toBe(`postgres://doorside:${password}@postgres:5432/doorside`);
    expect(central.DOORSIDE_CENTRAL_PORT).toBe('8090');
    expect(central.DOORSIDE_DATA_DIR).toBe('/data');
    expect(bridge).toEqual(expect.objectContaining({
      DOORSIDE_GATEWAY_URL: 'http://gateway:8080', DOORSIDE_CENTRAL_URL: 'http://central:8090',
      DOORSIDE_GATEWAY_CREDENTIALS: '/gateway-data/demo-credentials.json', DOORSIDE_CENTRAL_CREDENTIALS: '/central-data/central-credentials.json',
    }));
    const centralConfig = sourceOf('cloud-bridge/src/central/config.ts');
    const agentConfig = sourceOf('cloud-bridge/src/agent/config.ts');
    for (const variable of Object.keys(central)) expect(centralConfig, variable).toContain(variable);
    for (const variable of Object.keys(bridge)) expect(agentConfig, variable).toContain(variable);
  });

  it('runs files that exist', () => {
    for (const name of ['central', 'bridge']) {
      const command = services[name]!.command as string[];
      expect(sourceOf(command[1]!).length, name).toBeGreaterThan(0);
    }
  });

  it('calls the bridge healthy exactly when the gateway\'s /metrics says the link is up', async () => {
    const script = services.bridge!.healthcheck!.test.at(-1)!.replaceAll('$$', '$');
    const pattern = /process\.exit\(\/(.+)\/m\.test/.exec(script)?.[1];
    expect(pattern).toBeDefined();
    const linkUp = new RegExp(pattern!, 'm');
    const gw = await startTestGateway();
    try {
      const report = (up: boolean) => gw.call('PUT', '/api/bridge/status', {
        headers: { authorization: `Bearer ${gw.creds.bridge!.key}` },
        body: { lastSyncAt: null, lastAttemptAt: new Date().toISOString(), centralCursor: 0, gatewayHead: 0, lagEvents: 0, lagSeconds: 0, linkUp: up, lastError: up ? null : 'central unreachable' },
      });
      const metrics = async () => (await gw.call('GET', '/metrics')).body as string;

      expect((await report(false)).status).toBe(200);
      const down = await metrics();
      expect((await report(true)).status).toBe(200);
      const up = await metrics();

      expect(down).toContain('doorside_sync_link_up');
      expect(linkUp.test(down)).toBe(false);
      expect(linkUp.test(up)).toBe(true);
    } finally {
      await gw.stop();
    }
  });
});
