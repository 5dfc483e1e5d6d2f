import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChecklistAddBody, ChecklistParams, ErrorBody, Ticket, TicketParams, TickBody } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['tickets'];
const Answer = z.object({ ticket: Ticket });

/** A ticket's checklist: adding an item, ticking one off. */
export const checklistRoutes: FastifyPluginAsync<{ commands: CommandHandler }> = async (app, { commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/tickets/:id/checklist', {
    config: { right: 'add-checklist-item' },
    schema: { tags, params: TicketParams, body: ChecklistAddBody, response: { 200: Answer, ...errors }, description: 'Adds an item to the ticket\'s checklist (at most 50).' },
  }, async (request) => commands.handle(signedInActor(request), { ticket: request.params.id }, { type: 'add-checklist-item', text: request.body.text }));

  api.post('/api/tickets/:id/checklist/:item', {
    config: { right: 'tick-checklist' },
    schema: { tags, params: ChecklistParams, body: TickBody, response: { 200: Answer, ...errors }, description: 'Ticks a checklist item off (or on again): the worker on their own job, a supervisor on any.' },
  }, async (request) => commands.handle(signedInActor(request), { ticket: request.params.id }, { type: 'tick-checklist-item', item: request.params.item, done: request.body.done }));
};
