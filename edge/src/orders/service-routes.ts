import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody, Service, ServiceFields, ServiceList, ServiceParams, ServiceSettings, ServicesQuery, SlotList, SlotSchedule, SlotsQuery,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Forbidden, NotFound } from '../domain-error.ts';
import { roomByCode } from '../rooms/room-by-code.ts';
import type { SiteStore } from '../store/site-store.ts';
import { bookingOpen, instantId, slotsBetween } from './slots.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody };
const tags = ['services'];

/**
 * Who reads the catalogue: anyone signed in; an occupant with a room's sticker code (`k`),
 * who then sees only what can be booked. Answers whether the reader is an occupant.
 */
function reader(store: SiteStore, request: FastifyRequest, query: { k?: string | undefined; room?: string | undefined }): 'occupant' | 'staff' {
  if (query.k !== undefined) {
    if (query.room !== undefined) roomByCode(store, query.room, query.k);
    else if (!store.rooms.byQrSecret(query.k)) throw new Forbidden('BAD_QR_CODE', 'this code does not belong to a room; ask reception');
    return 'occupant';
  }
  signedInActor(request);
  return 'staff';
}

/** The catalogue of paid services and their slots; defining them is a command like any other. */
export const serviceRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; clock: () => string }> = async (app, { store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/services', {
    schema: {
      tags, querystring: ServicesQuery, response: { 200: ServiceList, ...errors },
      description: 'The site\'s paid services with price rule, team, visit length and payment mode. With a room\'s sticker code `k` (the QR page), no sign-in is needed and only bookable services are listed.',
    },
  }, async (request) => {
    const who = reader(store, request, request.query);
    const services = store.services.all().filter((s) => who === 'staff' || (s.active && s.schedule !== null));
    return { currency: store.services.settings().currency, services };
  });

  api.get('/api/services/:id/slots', {
    schema: {
      tags, params: ServiceParams, querystring: SlotsQuery, response: { 200: SlotList, ...errors },
      description: 'The service\'s bookable visits starting in [from, to) (at most 62 days), each with its capacity, the places still free and whether booking is still open (`open`: the visit starts later than the lead time from now). `k` as for the service list.',
    },
  }, async (request) => {
    reader(store, request, request.query);
    const service = store.services.get(request.params.id);
    if (!service) throw new NotFound('service', request.params.id);
    if (!service.schedule) return { service: service.id, timeZone: 'UTC', slots: [] };
    const { from, to } = request.query;
    const times = slotsBetween(service.schedule, service.durationMinutes, from, to);
    const booked = store.orders.bookedBetween(service.id, instantId(from), instantId(to));
    const now = clock();
    const { schedule } = service;
    const slots = times.map((t) => {
      const taken = booked.get(t.start) ?? 0;
      return { ...t, booked: taken, free: Math.max(0, t.capacity - taken), open: bookingOpen(schedule, t, now) };
    });
    return { service: service.id, timeZone: service.schedule.timeZone, slots };
  });

  api.put('/api/services/:id', {
    config: { right: 'manage-services' },
    schema: { tags, params: ServiceParams, body: ServiceFields, response: { 200: Service, ...errors }, description: 'Adds a service to the catalogue or changes it: name, category (its team does the work), visit length, price rule, payment mode.' },
  }, async (request) => commands.handle(signedInActor(request), { service: request.params.id }, { type: 'define-service', service: request.body }));

  api.put('/api/services/:id/slots', {
    config: { right: 'manage-services' },
    schema: { tags, params: ServiceParams, body: SlotSchedule, response: { 200: Service, ...errors }, description: 'When the service can be booked: weekly rules (weekdays, start times, capacity per slot) in a time zone, closed days, and how long before a visit booking closes.' },
  }, async (request) => commands.handle(signedInActor(request), { service: request.params.id }, { type: 'set-service-slots', schedule: request.body }));

  api.get('/api/service-settings', {
    config: { right: 'signed-in' },
    schema: { tags, response: { 200: ServiceSettings, ...errors }, description: 'The site\'s currency for paid services.' },
  }, async () => store.services.settings());

  api.put('/api/service-settings', {
    config: { right: 'manage-services' },
    schema: { tags, body: ServiceSettings, response: { 200: ServiceSettings, ...errors }, description: 'Sets the site\'s one currency; refused once orders exist.' },
  }, async (request) => commands.handle(signedInActor(request), { catalogue: true }, { type: 'set-service-settings', settings: request.body }));
};
