import { randomInt } from 'node:crypto';
import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import type { DeviceKind, Room } from '../contracts/index.ts';
import { hashSecret, type SecretCost } from '../auth/passwords.ts';
import { newToken } from '../auth/token.ts';
import { brokerHash, type SiteStore } from '../store/site-store.ts';
import { demoCategories, demoRooms, demoTeams, demoUsers } from './demo-building.ts';

export interface DemoSecrets {
  users: { username: string; password: string; role: string }[];
  panels: { room: string; pin: string }[];
  devices: { id: string; room: string; kind: DeviceKind; password: string }[];
  rooms: { id: string; name: string; qr: string }[];
}


const pin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Fills an empty site with the demo building. Every secret is random and made here;
 * the database keeps only hashes and digests, the caller writes the plain ones to
 * demo-credentials.json once.
 */
export async function seedDemo(store: SiteStore, at: string, cost: SecretCost = 'standard'): Promise<DemoSecrets> {
  const users = await Promise.all(demoUsers.map(async (u) => {
    const password = newToken(12);
    return { ...u, password, hash: await hashSecret(password, cost) };
  }));
  const panels = await Promise.all(demoRooms.map(async (r) => {
    const code = pin();
    return { room: r.id, pin: code, hash: await hashSecret(code, cost) };
  }));
  const devices = demoRooms.flatMap((r) => (['sign', 'panel'] as const).map((kind) => ({
    id: `${kind}-${r.id}`, room: r.id, kind, password: newDeviceSecret(),
  })));
  const rooms = demoRooms.map((r) => ({ ...r, qr: newToken(16) }));

  store.transact('system', at, (tx) => {
    for (const team of demoTeams) {
      store.directory.putTeam(team);
      tx.record('team-defined', `team:${team.id}`, team);
    }
    for (const category of demoCategories) {
      store.directory.putCategory(category);
      tx.record('category-defined', `category:${category.id}`, category);
    }
    for (const u of users) {
      const user = { id: u.id, name: u.name, role: u.role, teams: u.teams, active: true, ...(u.email ? { email: u.email } : {}), ...(u.language ? { language: u.language } : {}) };
      store.directory.putUser(user, u.hash);
      tx.record('user-created', `user:${u.id}`, user);
    }
    for (const r of rooms) {
      const room: Room = {
        id: r.id, name: r.name, floor: r.floor, zone: r.zone, status: 'available', since: at,
        reason: 'Ready for use', reasonPhrase: { code: 'room.ready', params: {} }, ticket: null, names: r.names, zoneNames: r.zoneNames,
      };
      store.rooms.insert(room, r.qr);
      tx.record('room-created', `room:${r.id}`, room);
    }
    // Once every room is in, the ones whose sign names a room to use instead.
    for (const r of rooms.filter((x) => x.alternative)) {
      store.rooms.setAlternative(r.id, r.alternative!);
      tx.record('room-alternative-set', `room:${r.id}`, store.rooms.get(r.id));
    }
    for (const p of panels) {
      store.directory.putPanel(p.room, p.hash);
      tx.record('panel-configured', `panel:${p.room}`, { room: p.room });
    }
    for (const d of devices) {
      const device = { id: d.id, room: d.room, kind: d.kind, revoked: false };
      store.directory.putDevice(device, secretDigest(d.password), brokerHash(d.id, d.password));
      tx.record('device-registered', `device:${d.id}`, device);
    }
  });

  return {
    users: users.map((u) => ({ username: u.id, password: u.password, role: u.role })),
    panels: panels.map((p) => ({ room: p.room, pin: p.pin })),
    devices: devices.map((d) => ({ id: d.id, room: d.room, kind: d.kind, password: d.password })),
    rooms: rooms.map((r) => ({ id: r.id, name: r.name, qr: r.qr })),
  };
}
