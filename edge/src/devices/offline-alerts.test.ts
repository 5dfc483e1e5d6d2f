import { describe, expect, it } from 'vitest';
import type { Device } from '../contracts/index.ts';
import { offlineAlerts, type WatchedDevice } from './offline-alerts.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const watched = (id: string, kind: Device['kind'], online: boolean, lastSeen: string | null, alert: string | null = null): WatchedDevice =>
  ({ device: { id, kind, room: 'r1', revoked: false }, online, lastSeen, alert });

describe('offline device alerts', () => {
  it('alerts for a sign offline longer than the limit', () => {
    const { open } = offlineAlerts([watched('s1', 'sign', false, minutesAgo(11)), watched('s2', 'sign', false, minutesAgo(9))], NOW, 10);

    expect(open.map((d) => d.id)).toEqual(['s1']);
  });

  it('alerts only once per outage', () => {
    const { open } = offlineAlerts([watched('s1', 'sign', false, minutesAgo(60), 'T-1')], NOW, 10);

    expect(open).toEqual([]);
  });

  it('clears the alert mark when the device is back, so the next outage alerts again', () => {
    const { clear } = offlineAlerts([watched('s1', 'sign', true, NOW, 'T-1')], NOW, 10);

    expect(clear.map((d) => d.id)).toEqual(['s1']);
  });

  it('ignores devices never seen, QR stands and revoked devices', () => {
    const revoked = { ...watched('p1', 'panel', false, minutesAgo(30)), device: { id: 'p1', kind: 'panel' as const, room: 'r1', revoked: true } };

    const { open } = offlineAlerts([watched('s1', 'sign', false, null), watched('q1', 'qr_stand', false, minutesAgo(30)), revoked], NOW, 10);

    expect(open).toEqual([]);
  });
});
