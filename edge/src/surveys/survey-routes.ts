import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerSurveyBody, CreateSurveyBody, ErrorBody, Survey, SurveyList, SurveyParams, SurveyReceipt, SurveyResults, TenantSurveys,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { attachmentName } from '../exports/csv-document.ts';
import { surveyCsv } from './survey-csv.ts';
import { surveyResults } from './survey-results.ts';
import { surveyReaches, surveyRespondents } from './survey-rules.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['surveys'];
const CSV = 'text/csv; charset=utf-8';

/** General surveys: made and followed by the property team, answered once by the tenants they target. */
export const surveyRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; clock: () => string }> = async (app, { store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const resultsOf = (survey: Survey) => {
    const persons = store.entries.persons.list(100_000);
    const targeted = surveyRespondents(survey, persons, store.entries.units.list(10_000)).length;
    return surveyResults(survey, store.surveys.responses(survey.id), targeted, clock());
  };
  const surveyOf = (id: string) => {
    const found = store.surveys.get(id);
    if (!found) throw new NotFound('survey', id);
    return found;
  };

  api.post('/api/surveys', {
    config: { right: 'manage-surveys' },
    schema: {
      tags, body: CreateSurveyBody, response: { 201: Survey, ...errors },
      description: 'Makes a survey: a title and questions (`scale` 1–5, `choice` among 2–10 options, `text`) in one or more of en, zh, nb, nl (the same for all), targeted like announcements (building, floors, zones, rooms, companies, roles), open from `opensAt` (absent: now) until `closesAt`.',
    },
  }, async (request, reply) => reply.code(201).send(await commands.handle(signedInActor(request), { surveys: true }, { type: 'create-survey', ...request.body })));

  api.get('/api/surveys', {
    config: { right: 'manage-surveys' },
    schema: { tags, response: { 200: SurveyList, ...errors }, description: 'Every survey, the newest first, with its status, persons targeted, responses, response rate and per-question results.' },
  }, async () => ({ surveys: store.surveys.list().map(resultsOf) }));

  api.get('/api/surveys/:id/results', {
    config: { right: 'manage-surveys' },
    schema: { tags, params: SurveyParams, response: { 200: SurveyResults, ...errors }, description: 'One survey\'s response rate and results: counts per score and mean for scales, counts per option for choices, the newest words for text questions.' },
  }, async (request) => resultsOf(surveyOf(request.params.id)));

  api.get('/api/surveys/:id/results.csv', {
    config: { right: 'manage-surveys' },
    schema: { tags, params: SurveyParams, produces: [CSV], response: { 200: z.string().describe('a CSV document (RFC 4180, UTF-8 with a byte order mark)'), ...errors }, description: 'One line per response, one column per question (the score, the option chosen, the words); who answered is not in it.' },
  }, async (request, reply) => {
    const survey = surveyOf(request.params.id);
    return reply.type(CSV).header('content-disposition', attachmentName(store.site, `survey-${survey.id}`, clock()))
      .send(surveyCsv(survey, store.surveys.responses(survey.id)));
  });

  api.post('/api/surveys/:id/close', {
    config: { right: 'manage-surveys' },
    schema: { tags, params: SurveyParams, response: { 200: Survey, ...errors }, description: 'Closes a survey before its time: no more answers are taken.' },
  }, async (request) => commands.handle(signedInActor(request), { survey: request.params.id }, { type: 'close-survey' }));

  api.get('/api/portal/surveys', {
    config: { right: 'answer-survey' },
    schema: { tags: ['portal', ...tags], response: { 200: TenantSurveys, ...errors }, description: 'The surveys open now that are meant for the signed-in tenant, and whether they answered each.' },
  }, async (request) => {
    const actor = signedInActor(request);
    const mine = store.surveys.openAt(clock()).filter((s) => surveyReaches(s, actor, (id) => store.entries.persons.get(id), () => store.entries.units.list(10_000)));
    return { surveys: mine.map(({ id, title, questions, opensAt, closesAt }) => ({ id, title, questions, opensAt, closesAt, answered: store.surveys.answeredBy(id, actor.ref) })) };
  });

  api.post('/api/portal/surveys/:id/answers', {
    config: { right: 'answer-survey' },
    schema: { tags: ['portal', ...tags], params: SurveyParams, body: AnswerSurveyBody, response: { 201: SurveyReceipt, ...errors }, description: 'The signed-in tenant answers a survey meant for them, once (a second answer: 409 ALREADY_ANSWERED); every scale and choice question needs an answer.' },
  }, async (request, reply) => {
    const response = await commands.handle(signedInActor(request), { survey: request.params.id }, { type: 'answer-survey', ...request.body });
    return reply.code(201).send({ survey: response.survey, at: response.at });
  });
};
