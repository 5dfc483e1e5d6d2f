import type { Survey, SurveyResponse } from '../contracts/index.ts';
import { type CsvColumn, csvDocument } from '../exports/csv-document.ts';

const firstWords = (words: Partial<Record<string, string>>) => words.en ?? Object.values(words)[0] ?? '';

/**
 * One line per response, one column per question: the score, the chosen option's words (in
 * English where given, else the first language), or the text. Who answered is left out.
 */
export function surveyCsv(survey: Survey, responses: readonly SurveyResponse[]): string {
  const columns: CsvColumn<SurveyResponse>[] = [
    { header: 'answered_at', value: (r) => r.at },
    ...survey.questions.map((q): CsvColumn<SurveyResponse> => ({
      header: q.id,
      value: (r) => {
        const a = r.answers.find((x) => x.question === q.id);
        if (!a) return null;
        if (q.kind === 'scale') return a.score ?? null;
        if (q.kind === 'choice') return a.choice === undefined ? null : firstWords(q.options[a.choice] ?? {});
        return a.text ?? null;
      },
    })),
  ];
  return csvDocument(columns, responses);
}
