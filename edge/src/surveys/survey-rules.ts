import type { CreateSurveyBody, PersonRecord, Survey, SurveyAnswer, SurveyStatus, Unit } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { reaches, readerOf, readerOfActor } from '../announcements/audience.ts';

const YEAR_MS = 366 * 24 * 3600_000;
const languages = (words: Record<string, unknown>) => Object.keys(words).sort().join(',');

/** Where a survey stands at a moment: before it opens, open, or closed (at its time, or early). */
export function surveyStatus(survey: Survey, at: string): SurveyStatus {
  if (survey.closedAt !== null || Date.parse(at) >= Date.parse(survey.closesAt)) return 'closed';
  return Date.parse(at) < Date.parse(survey.opensAt) ? 'scheduled' : 'open';
}

/** Refuses a survey whose questions repeat an id, whose words are not all in the title's languages, or whose window is wrong. */
export function assertSurveyMakesSense(body: CreateSurveyBody, opensAt: string, at: string): void {
  const ids = body.questions.map((q) => q.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Invalid('BAD_SURVEY', `question id ${repeated} is used twice`, { question: repeated });
  const want = languages(body.title);
  for (const q of body.questions) {
    const words = [q.prompt, ...(q.kind === 'choice' ? q.options : [])];
    if (words.some((w) => languages(w) !== want)) {
      throw new Invalid('BAD_SURVEY', `question ${q.id} is not given in the title's languages (${want})`, { question: q.id, languages: want.split(',') });
    }
  }
  const [open, close] = [Date.parse(opensAt), Date.parse(body.closesAt)];
  if (close <= open || close <= Date.parse(at) || close - open > YEAR_MS) {
    throw new Invalid('BAD_SURVEY', 'a survey closes after it opens, in the future, and within a year of opening', { opensAt, closesAt: body.closesAt });
  }
}

/** Refuses answers that name an unknown question or one twice, give the wrong kind of answer, or leave out a scale or choice question. */
export function assertAnswersFit(survey: Survey, answers: readonly SurveyAnswer[]): void {
  const bad = (message: string, question: string) => new Invalid('BAD_ANSWER', message, { question });
  const seen = new Set<string>();
  for (const a of answers) {
    const q = survey.questions.find((x) => x.id === a.question);
    if (!q) throw bad(`the survey has no question ${a.question}`, a.question);
    if (seen.has(a.question)) throw bad(`question ${a.question} is answered twice`, a.question);
    seen.add(a.question);
    const given = [a.score !== undefined && 'score', a.choice !== undefined && 'choice', a.text !== undefined && 'text'].filter(Boolean);
    const wanted = q.kind === 'scale' ? 'score' : q.kind;
    if (given.length !== 1 || given[0] !== wanted) throw bad(`question ${q.id} takes a ${wanted}`, q.id);
    if (q.kind === 'choice' && a.choice! >= q.options.length) throw bad(`question ${q.id} has ${q.options.length} options`, q.id);
  }
  const missing = survey.questions.find((q) => q.kind !== 'text' && !seen.has(q.id));
  if (missing) throw bad(`question ${missing.id} needs an answer`, missing.id);
}

/** Whether a survey is meant for the signed-in tenant: their company, floor, unit's rooms, role, or the whole building. */
export function surveyReaches(survey: Survey, actor: Actor, person: (id: string) => PersonRecord | undefined, units: () => readonly Unit[]): boolean {
  if (!actor.person) return false;
  return reaches(survey, readerOfActor(actor, person, units));
}

/** The directory persons a survey is for who can sign in to answer it (they have a mail address). */
export function surveyRespondents(survey: Survey, persons: readonly PersonRecord[], units: readonly Unit[]): PersonRecord[] {
  return persons.filter((p) => p.email && reaches(survey, { ...readerOf(p, units), role: p.tenantAdmin ? 'tenant_admin' : 'tenant' }));
}
