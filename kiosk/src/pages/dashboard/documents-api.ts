import { type CreateSurveyBody, DocumentList, DocumentsVerified, SiteDocument, Survey, SurveyList } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Doc = z.infer<typeof SiteDocument>;
export type Verified = z.infer<typeof DocumentsVerified>;
export type SurveyResult = z.infer<typeof SurveyList>['surveys'][number];

/** Documents and survey results as the dashboard reads and keeps them. */
export class DocumentsApi extends SignedInApi {
  async documents(): Promise<Doc[]> {
    return DocumentList.parse(await this.send('GET', '/api/documents')).documents;
  }

  /** The form holds `meta` (JSON) and `file` (one PDF). */
  async upload(form: FormData): Promise<Doc> {
    return SiteDocument.parse(await this.send('POST', '/api/documents', form));
  }

  async withdraw(id: string): Promise<Doc> {
    return SiteDocument.parse(await this.send('POST', `/api/documents/${encodeURIComponent(id)}/withdraw`));
  }

  async verify(): Promise<Verified> {
    return DocumentsVerified.parse(await this.send('GET', '/api/documents/verify'));
  }

  fileUrl(id: string): string {
    return new URL(`./api/documents/${encodeURIComponent(id)}/file`, this.base).href;
  }

  async surveys(): Promise<SurveyResult[]> {
    return SurveyList.parse(await this.send('GET', '/api/surveys')).surveys;
  }

  async createSurvey(body: CreateSurveyBody): Promise<z.infer<typeof Survey>> {
    return Survey.parse(await this.send('POST', '/api/surveys', body));
  }

  csvUrl(id: string): string {
    return new URL(`./api/surveys/${encodeURIComponent(id)}/results.csv`, this.base).href;
  }
}
