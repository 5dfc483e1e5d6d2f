import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DeviceCommand, DeviceCounts, DeviceId, DeviceKind, ErrorBody, RoomId } from '../contracts/index.ts';
import { countDevices } from './device-counts.ts';
import { NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DeviceBus } from '../broker/device-bus.ts';
import type { DevicePresence } from '../broker/device-presence.ts';
import type { SiteSignals } from '../broker/site-signals.ts';
import { signedInActor } from '../auth/sign-in.ts';
import { roomVisibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { deviceConfigs } from './device-configs.ts';
import type { DeviceEvents } from './device-events.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { Device } from '../contracts/index.ts';
import type { PublicAddress } from '../http/public-address.ts';

type Issued = { device: Device; secret: string | null };

export interface DeviceRoutesOptions {
  auth: AuthService; store: SiteStore; commands: CommandHandler; presence: DevicePresence;
  events: DeviceEvents; signals: SiteSignals; bus: DeviceBus; clock: () => string;
  /** Devices are configured to reach the gateway at its public address. */
  links: PublicAddress;
}

const Params = z.strictObject({ device: DeviceId });
const AddBody = z.strictObject({ id: DeviceId, kind: DeviceKind, room: RoomId });
const BindBody = z.strictObject({ room: RoomId });
const SendBody = z.discriminatedUnion('type', [DeviceCommand.options[0], DeviceCommand.options[1], DeviceCommand.options[2]]);
const DeviceView = z.object({
  id: z.string(), room: z.string(), kind: DeviceKind, revoked: z.boolean(), online: z.boolean(), lastSeen: z.string().nullable(),
  readings: z.array(z.object({ sensor: z.string(), value: z.number(), unit: z.string().nullable(), at: z.string() })),
  scans: z.object({ count: z.number(), last: z.string() }).nullable(),
});
/** `counts` by the one rule (`device-counts.ts`), site-wide and per room, so no page counts for itself. */
const DeviceListView = z.object({ devices: z.array(DeviceView), counts: DeviceCounts, rooms: z.record(z.string(), DeviceCounts) });
const IssuedView = z.object({
  device: z.object({ id: z.string(), room: z.string(), kind: DeviceKind, revoked: z.boolean() }),
  mqtt: z.object({ url: z.string(), username: z.string(), password: z.string() }),
  kiosk: z.unknown().nullable(), esphome: z.string().nullable(),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Facility heads and admins provision the building's devices; the secret is shown once, with ready configs. */
export const deviceRoutes: FastifyPluginAsync<DeviceRoutesOptions> = async (app, o) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const admin = (request: FastifyRequest) => signedInActor(request);
  const manage = { right: 'manage-devices' } as const;
  const issued = ({ device, secret }: Issued) => {
    const port = Number(new URL(o.bus.url).port || 1883);
    const reach = { baseUrl: o.links.base, broker: { host: o.links.hostname, port } };
    return { device, ...deviceConfigs(o.store.site, device, o.store.rooms.get(device.room)!, secret ?? '', reach) };
  };

  api.get('/api/devices', { config: { right: 'view' }, schema: { tags: ['devices'], response: { 200: DeviceListView, ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    const devices = o.presence.listed().filter((d) => roomVisibleTo(actor, d.room)).map((d) => ({
      id: d.id, room: d.room, kind: d.kind, revoked: d.revoked, online: d.online, lastSeen: d.lastSeen,
      readings: o.events.readings.get(d.id) ?? [], scans: o.events.scans.get(d.id) ?? null,
    }));
    // The dashboard shows these figures; head office gets the same rule's figures through the bridge.
    const rooms = Object.fromEntries([...new Set(devices.map((d) => d.room))].map((room) => [room, countDevices(devices.filter((d) => d.room === room))]));
    return { devices, counts: countDevices(devices), rooms };
  });

  api.post('/api/devices', { config: manage, schema: { tags: ['devices'], body: AddBody, response: { 201: IssuedView, ...errors } } }, async (request, reply) => {
    const { id, kind, room } = request.body;
    const added = await o.commands.handle(admin(request), { device: id }, { type: 'register-device', kind, room });
    return reply.code(201).send(issued(added));
  });

  api.post('/api/devices/:device/bind', { config: manage, schema: { tags: ['devices'], params: Params, body: BindBody, response: { 200: IssuedView.shape.device, ...errors } } }, async (request) =>
    (await o.commands.handle(admin(request), { device: request.params.device }, { type: 'rebind-device', room: request.body.room })).device);

  api.post('/api/devices/:device/rotate', { config: manage, schema: { tags: ['devices'], params: Params, response: { 200: IssuedView, ...errors } } }, async (request) =>
    issued(await o.commands.handle(admin(request), { device: request.params.device }, { type: 'rotate-device-secret' })));

  api.post('/api/devices/:device/revoke', { config: manage, schema: { tags: ['devices'], params: Params, response: { 200: IssuedView.shape.device, ...errors } } }, async (request) =>
    (await o.commands.handle(admin(request), { device: request.params.device }, { type: 'revoke-device' })).device);

  api.post('/api/devices/:device/commands', { config: manage, schema: { tags: ['devices'], params: Params, body: SendBody, response: { 202: z.object({ sent: z.literal(true) }), ...errors } } }, async (request, reply) => {
    if (!o.store.directory.device(request.params.device)) throw new NotFound('device', request.params.device);
    o.signals.command(request.params.device, request.body);
    return reply.code(202).send({ sent: true as const });
  });
};
