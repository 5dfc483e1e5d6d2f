import type { Survey, SurveyCommand, SurveyResponse } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { assertTargetsExist, targetedRooms } from '../announcements/audience.ts';
import { assertAnswersFit, assertSurveyMakesSense, surveyReaches, surveyStatus } from './survey-rules.ts';

const utc = (time: string) => new Date(time).toISOString();
const building = (store: SiteStore) => ({ rooms: store.rooms.all(), units: store.entries.units.list(10_000) });

function surveyOf(store: SiteStore, target: unknown): Survey {
  const id = (target as { survey?: string }).survey ?? '';
  const found = store.surveys.get(id);
  if (!found) throw new NotFound('survey', id);
  return found;
}

/** Staff make and close general surveys; a tenant they are meant for answers each once while it is open. */
export const surveyCommands: CommandModule<SurveyCommand> = {
  types: ['create-survey', 'close-survey', 'answer-survey'],

  run(store, { actor, target, command, at, newToken }) {
    switch (command.type) {
      case 'create-survey': {
        assertMay(actor.role, 'manage-surveys');
        const { type: _, ...body } = command;
        const opensAt = utc(body.opensAt ?? at);
        assertSurveyMakesSense(body, opensAt, at);
        const site = building(store);
        assertTargetsExist(body.targets, site);
        const made: Survey = {
          id: `SV-${newToken(9)}`, title: body.title, questions: body.questions, targets: body.targets, rooms: targetedRooms(body.targets, site),
          opensAt, closesAt: utc(body.closesAt), createdBy: actor.ref, createdAt: at, closedAt: null,
        };
        return { changes: [{ entity: 'survey', type: 'survey-created', state: made }], result: made };
      }
      case 'close-survey': {
        assertMay(actor.role, 'manage-surveys');
        const survey = surveyOf(store, target);
        if (surveyStatus(survey, at) === 'closed') throw new Refusal('SURVEY_NOT_OPEN', `survey ${survey.id} is closed already`, { closesAt: survey.closesAt, closedAt: survey.closedAt });
        const closed: Survey = { ...survey, closedAt: at };
        return { changes: [{ entity: 'survey', type: 'survey-closed', state: closed }], result: closed };
      }
      case 'answer-survey': {
        assertMay(actor.role, 'answer-survey');
        const survey = surveyOf(store, target);
        // A survey not meant for the tenant is not there for them, as if it did not exist.
        if (!surveyReaches(survey, actor, (id) => store.entries.persons.get(id), () => store.entries.units.list(10_000))) throw new NotFound('survey', survey.id);
        const status = surveyStatus(survey, at);
        if (status !== 'open') throw new Refusal('SURVEY_NOT_OPEN', `survey ${survey.id} is ${status === 'scheduled' ? 'not open yet' : 'closed'}`, { opensAt: survey.opensAt, closesAt: survey.closesAt });
        if (store.surveys.answeredBy(survey.id, actor.ref)) throw new Refusal('ALREADY_ANSWERED', `you answered survey ${survey.id} already`, { survey: survey.id });
        assertAnswersFit(survey, command.answers);
        const response: SurveyResponse = { survey: survey.id, respondent: actor.ref, at, answers: command.answers };
        return { changes: [{ entity: 'survey-answer', type: 'survey-answered', state: response }], result: response };
      }
    }
  },
};
