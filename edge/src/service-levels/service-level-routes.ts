import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, WorkingCalendar, WorkingCalendarBody } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['service levels'];

/** The site's working-hours calendar, on which service-level clocks count. */
export const serviceLevelRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
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
};
