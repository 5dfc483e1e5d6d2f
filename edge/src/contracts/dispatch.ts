import { z } from 'zod';
import { CategoryId, IsoTime, TicketId, Username } from './ids.ts';

/** Whether a person takes work now: off duty, nobody suggests them and nothing is dispatched to them. */
export const DutyState = z.object({ user: Username, onDuty: z.boolean(), since: IsoTime.nullable() });
export type DutyState = z.infer<typeof DutyState>;
export const DutyBody = z.strictObject({ onDuty: z.boolean() });

/** The categories a person is qualified for; none listed means any category of their teams. */
export const SkillsState = z.object({ user: Username, categories: z.array(CategoryId).max(50) });
export type SkillsState = z.infer<typeof SkillsState>;
export const SkillsBody = z.strictObject({ categories: z.array(CategoryId).max(50) });

export const UserParams = z.strictObject({ id: Username });
export const AutoDispatchBody = z.strictObject({ autoDispatch: z.boolean() });

/** Why a person ranks where they do, as a code and its parameters; pages put it in words. */
export const SuggestionReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('LOAD'), params: z.object({ open: z.number().int().nonnegative() }) }),
  z.object({ code: z.literal('SKILL'), params: z.object({ category: CategoryId }) }),
  z.object({ code: z.literal('SAME_FLOOR'), params: z.object({ floor: z.number().int() }) }),
  z.object({ code: z.literal('SAME_ZONE'), params: z.object({ zone: z.string() }) }),
  z.object({ code: z.literal('CLASH'), params: z.object({ at: IsoTime, ticket: TicketId }) }),
]);
export type SuggestionReason = z.infer<typeof SuggestionReason>;

export const Suggestion = z.object({
  user: Username,
  name: z.string(),
  score: z.number(),
  reasons: z.array(SuggestionReason),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Suggestions = z.object({
  ticket: TicketId,
  /** Best first: who may hold the ticket, is on duty and has the skill. */
  suggestions: z.array(Suggestion),
  /** How many eligible people are off duty and so left out. */
  offDuty: z.number().int().nonnegative(),
});
export type Suggestions = z.infer<typeof Suggestions>;

/** The people a dispatcher can give work to, with their duty and skills. */
export const DispatchPeople = z.object({
  people: z.array(z.object({ id: Username, name: z.string(), teams: z.array(z.string()), onDuty: z.boolean(), skills: z.array(CategoryId) })),
});
export type DispatchPeople = z.infer<typeof DispatchPeople>;
