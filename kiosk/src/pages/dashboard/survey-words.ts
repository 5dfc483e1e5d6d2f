import type { CreateSurveyBody } from '@doorside/edge/contracts';
import { languages, type Lang } from '../../i18n/index.ts';

export type QuestionKind = 'scale' | 'choice' | 'text';
/** What staff typed for one thing, by language; an empty field is a language left out. */
export type PerLanguage = Partial<Record<Lang, string>>;
/** A question as the form holds it: its kind, its prompt and (for a choice) its comma-separated choices, per language. */
export interface QuestionDraft { kind: QuestionKind; prompt: PerLanguage; options: PerLanguage }

export const emptyQuestion = (): QuestionDraft => ({ kind: 'scale', prompt: {}, options: {} });

const filled = (words: PerLanguage): Lang[] => languages.filter((l) => (words[l] ?? '').trim() !== '');
const choicesOf = (text: string) => text.split(',').map((o) => o.trim()).filter(Boolean);

export type SurveyWords = Pick<CreateSurveyBody, 'title' | 'questions'> | { problem: 'noWords' | 'sameLanguages' };

/**
 * The survey's title and questions in the languages its title is written in, as the API takes
 * them; or what is wrong: no title in any language, or a question or its choices not in exactly
 * those languages (or not as many choices in each).
 */
export function surveyWords(title: PerLanguage, drafts: readonly QuestionDraft[]): SurveyWords {
  const langs = filled(title);
  if (langs.length === 0) return { problem: 'noWords' };
  const same = (words: PerLanguage) => filled(words).join() === langs.join();
  const pick = (words: PerLanguage) => Object.fromEntries(langs.map((l) => [l, words[l]!.trim()])) as PerLanguage;
  const questions: CreateSurveyBody['questions'] = [];
  for (const [i, draft] of drafts.entries()) {
    const id = `q${i + 1}`;
    if (!same(draft.prompt)) return { problem: 'sameLanguages' };
    if (draft.kind !== 'choice') {
      questions.push({ id, kind: draft.kind, prompt: pick(draft.prompt) });
      continue;
    }
    if (!same(draft.options)) return { problem: 'sameLanguages' };
    const lists = langs.map((l) => choicesOf(draft.options[l]!));
    const count = lists[0]!.length;
    if (lists.some((list) => list.length !== count)) return { problem: 'sameLanguages' };
    const options = Array.from({ length: count }, (_, j) => Object.fromEntries(langs.map((l, k) => [l, lists[k]![j]!])) as PerLanguage);
    questions.push({ id, kind: 'choice', prompt: pick(draft.prompt), options });
  }
  return { title: pick(title), questions };
}
