import type { QuestionResult, Survey, SurveyResponse, SurveyResults } from '../contracts/index.ts';
import { surveyStatus } from './survey-rules.ts';

const TEXTS_SHOWN = 200;

function questionResult(question: Survey['questions'][number], responses: readonly SurveyResponse[]): QuestionResult {
  const answers = responses.flatMap((r) => r.answers.filter((a) => a.question === question.id));
  const base = { question: question.id, kind: question.kind, answered: answers.length };
  switch (question.kind) {
    case 'scale': {
      const scores = answers.map((a) => a.score!);
      const average = scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100 : null;
      return { ...base, counts: [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length), average, texts: [] };
    }
    case 'choice':
      return { ...base, counts: question.options.map((_, i) => answers.filter((a) => a.choice === i).length), average: null, texts: [] };
    case 'text':
      // The newest words first.
      return { ...base, counts: [], average: null, texts: answers.map((a) => a.text!).reverse().slice(0, TEXTS_SHOWN) };
  }
}

/** A survey's reach and answers as the figures page shows them. */
export function surveyResults(survey: Survey, responses: readonly SurveyResponse[], targeted: number, at: string): SurveyResults {
  return {
    survey: { ...survey, status: surveyStatus(survey, at) },
    targeted,
    responses: responses.length,
    rate: targeted === 0 ? 0 : Math.min(1, Math.round((responses.length / targeted) * 1000) / 1000),
    questions: survey.questions.map((q) => questionResult(q, responses)),
  };
}
