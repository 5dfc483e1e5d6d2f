import type { Survey, SurveyResponse } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Surveys and the one response each respondent gave. */
export class SurveyRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Survey | undefined {
    const row = this.#sql('SELECT doc FROM surveys WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as Survey);
  }

  /** The newest opening first. */
  list(limit = 500): Survey[] {
    return (this.#sql('SELECT doc FROM surveys ORDER BY opens_at DESC, id LIMIT ?').all(limit) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as Survey);
  }

  /** Those open at `now`: opened, not yet at their closing time, not closed early. */
  openAt(now: string): Survey[] {
    return this.list().filter((s) => s.closedAt === null && Date.parse(s.opensAt) <= Date.parse(now) && Date.parse(now) < Date.parse(s.closesAt));
  }

  put(survey: Survey): void {
    this.#sql(`INSERT INTO surveys (id, opens_at, closes_at, doc) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at, doc = excluded.doc`)
      .run(survey.id, survey.opensAt, survey.closesAt, JSON.stringify(survey));
  }

  putResponse(response: SurveyResponse): void {
    this.#sql('INSERT INTO survey_answers (survey, respondent, at, doc) VALUES (?, ?, ?, ?)')
      .run(response.survey, response.respondent, response.at, JSON.stringify(response));
  }

  answeredBy(survey: string, respondent: string): boolean {
    return this.#sql('SELECT 1 FROM survey_answers WHERE survey = ? AND respondent = ?').get(survey, respondent) !== undefined;
  }

  /** A survey's responses, the oldest first. */
  responses(survey: string): SurveyResponse[] {
    return (this.#sql('SELECT doc FROM survey_answers WHERE survey = ? ORDER BY at, rowid').all(survey) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as SurveyResponse);
  }
}
