import { z } from 'zod';
import { IsoTime, RoomId } from './ids.ts';
import { AnnouncementLanguage, AnnouncementTarget } from './announcement.ts';
import { Text } from './text.ts';

export const SurveyId = z.string().regex(/^SV-[A-Za-z0-9_-]{6,24}$/, 'a survey id looks like SV-x7Kq2m9p');
export type SurveyId = z.infer<typeof SurveyId>;
export const QuestionId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,23}$/, 'a question id is lowercase letters, digits, - or _');

const Words = (max: number) => z.partialRecord(AnnouncementLanguage, Text(max))
  .refine((words) => Object.keys(words).length > 0, 'give the words in at least one of en, zh, nb, nl');

/** A question: a score from 1 to 5, one of a few choices, or free text. */
export const SurveyQuestion = z.discriminatedUnion('kind', [
  z.strictObject({ id: QuestionId, kind: z.literal('scale'), prompt: Words(300) }),
  z.strictObject({ id: QuestionId, kind: z.literal('choice'), prompt: Words(300), options: z.array(Words(120)).min(2).max(10) }),
  z.strictObject({ id: QuestionId, kind: z.literal('text'), prompt: Words(300) }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const CreateSurveyBody = z.strictObject({
  title: Words(160),
  questions: z.array(SurveyQuestion).min(1).max(20),
  targets: z.array(AnnouncementTarget).min(1).max(50),
  /** Absent: now. */
  opensAt: IsoTime.optional(),
  closesAt: IsoTime,
});
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

/** `scheduled` before it opens, `open` until it closes (at its time, or early by staff). */
export const SurveyStatus = z.enum(['scheduled', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const Survey = z.object({
  id: SurveyId,
  title: Words(160),
  questions: z.array(SurveyQuestion),
  targets: z.array(AnnouncementTarget),
  /** The rooms its targets named when it was made. */
  rooms: z.array(RoomId),
  opensAt: IsoTime,
  closesAt: IsoTime,
  createdBy: z.string(),
  createdAt: IsoTime,
  /** When staff closed it before its time. */
  closedAt: IsoTime.nullable(),
});
export type Survey = z.infer<typeof Survey>;

/** One answer: a score for a scale, the option's index for a choice, words for a text question. */
export const SurveyAnswer = z.strictObject({
  question: QuestionId,
  score: z.number().int().min(1).max(5).optional(),
  choice: z.number().int().min(0).max(9).optional(),
  text: Text(2000).optional(),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const AnswerSurveyBody = z.strictObject({ answers: z.array(SurveyAnswer).min(1).max(20) });
export type AnswerSurveyBody = z.infer<typeof AnswerSurveyBody>;

/** A tenant's one response to a survey. */
export const SurveyResponse = z.object({ survey: SurveyId, respondent: z.string(), at: IsoTime, answers: z.array(SurveyAnswer) });
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const SurveyParams = z.strictObject({ id: SurveyId });

/** How one question was answered: counts per score (1–5) or per option, the mean score, the words given. */
export const QuestionResult = z.object({
  question: QuestionId,
  kind: z.enum(['scale', 'choice', 'text']),
  answered: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()),
  average: z.number().nullable(),
  texts: z.array(z.string()),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

/** Who it reached and how they answered: the persons targeted (with a mail address to sign in by), the responses, their share. */
export const SurveyResults = z.object({
  survey: Survey.extend({ status: SurveyStatus }),
  targeted: z.number().int().nonnegative(),
  responses: z.number().int().nonnegative(),
  /** Responses per targeted person, 0 to 1 (0 when nobody is targeted). */
  rate: z.number().min(0).max(1),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
export const SurveyList = z.object({ surveys: z.array(SurveyResults) });

/** What a tenant is shown: the surveys open for them now, and whether they answered each. */
export const TenantSurveys = z.object({
  surveys: z.array(Survey.pick({ id: true, title: true, questions: true, opensAt: true, closesAt: true }).extend({ answered: z.boolean() })),
});
export type TenantSurveys = z.infer<typeof TenantSurveys>;

export const SurveyReceipt = z.object({ survey: SurveyId, at: IsoTime });

/** A category's rating threshold: a rating at or below it reopens the job (0: never). */
export const RatingThresholdBody = z.strictObject({ threshold: z.number().int().min(0).max(5) });
