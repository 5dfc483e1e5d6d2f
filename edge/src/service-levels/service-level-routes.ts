import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, SlaTargets, SlaTargetsBody, Ticket, TicketParams, WaitingBody, WorkingCalendar, WorkingCalendarBody } from '../contracts/index.ts';
import { z } from 'zod';
import { ticketFor } from '../rights/visibility.ts';
import { slaOf } from './sla-keeper.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['service levels'];

/** The site's working-hours calendar, on which service-level clocks count. */
export const serviceLevelRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; clock: () => string }> = async (app, { store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/calendar', {
    config: { right: 'read-service-levels' },
    schema: { tags, response: { 200: WorkingCalendar, ...errors }, description: 'The site\'s working hours: time zone, hours per weekday, public holidays (dates and an iCalendar file). Until set: Monday to Friday 08:00–16:00 UTC.' },
  }, async () => store.serviceLevels.calendar());

  api.put('/api/calendar', {
    config: { right: 'manage-service-levels' },
    schema: {
      tags, body: WorkingCalendarBody, response: { 200: WorkingCalendar, ...errors },
      description: 'Sets the site\'s working hours. An unknown time zone (INVALID_TIME_ZONE), hours that overlap (OVERLAPPING_HOURS) or end before they start (BAD_WORKING_HOURS), no hours at all (NO_WORKING_HOURS) or a holiday file that does not parse (BAD_HOLIDAY_FILE) is refused with 400.',
    },
  }, async (request) => commands.handle(signedInActor(request), { site: true }, { type: 'set-working-calendar', calendar: request.body }));

  api.get('/api/sla/targets', {
    config: { right: 'read-service-levels' },
    schema: { tags, response: { 200: SlaTargets, ...errors }, description: 'Response and resolution targets per category × priority, in working minutes, and the waits (tenant, vendor, visit) that pause the clock. A category without a target uses its due minutes for resolution and a quarter of them for the first response.' },
  }, async () => store.serviceLevels.targets());

  api.put('/api/sla/targets', {
    config: { right: 'manage-service-levels' },
    schema: { tags, body: SlaTargetsBody, response: { 200: SlaTargets, ...errors }, description: 'Sets the targets and the pausing waits. Tickets opened from now on count against them; clocks already running keep theirs.' },
  }, async (request) => commands.handle(signedInActor(request), { site: true }, { type: 'set-sla-targets', targets: request.body }));

  api.post('/api/tickets/:id/waiting', {
    config: { right: 'set-waiting' },
    schema: {
      tags, params: TicketParams, body: WaitingBody, response: { 200: z.object({ ticket: Ticket }), ...errors },
      description: 'The ticket waits for the tenant, a vendor or a booked visit (`{"waiting":"tenant"}`), which pauses its service-level clocks where the site says so; `{"waiting":null}` resumes it.',
    },
  }, async (request) => {
    const actor = signedInActor(request);
    const { ticket } = await commands.handle(actor, { ticket: request.params.id }, { type: 'set-waiting', waiting: request.body.waiting, ...(request.body.note ? { note: request.body.note } : {}) });
    const sla = slaOf(store, ticket.id, clock());
    return { ticket: { ...ticketFor(actor.role, ticket), ...(sla ? { sla } : {}) } };
  });
};
