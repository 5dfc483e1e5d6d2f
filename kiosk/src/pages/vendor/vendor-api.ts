import { VendorStepQueued, VendorWorkOrderView, visibleTrim } from '@doorside/edge/contracts';
import { get, post } from '../report/send-form.ts';

export type VendorAction = VendorWorkOrderView['actions'][number];

/** What the vendor sends with an action: text fields and, for files and done, the files. */
export interface VendorInput { reason?: string; note?: string; text?: string; notes?: string; minutes?: number; files?: readonly Blob[] }

/**
 * The vendor's calls, by the link's cookie. Every path is relative to the page, so the
 * same bundle works wherever it is served from: the site's gateway or the central server.
 */
export class VendorApi {
  constructor(private readonly page: URL) {}

  #url(path: string): URL {
    return new URL(path, this.page);
  }

  async view(): Promise<VendorWorkOrderView> {
    return VendorWorkOrderView.parse(await get(this.#url('api/wo')));
  }

  /** The address of one of the order's files. */
  file(id: string): string {
    return this.#url(`api/wo/files/${encodeURIComponent(id)}`).href;
  }

  /**
   * Sends the step. The site's gateway applies it at once and answers the order; the central
   * server holds it for the site (202) and the order is read again, with the step counted in.
   */
  async act(action: VendorAction, input: VendorInput, onProgress?: (fraction: number) => void): Promise<{ view: VendorWorkOrderView; queued: boolean }> {
    const fields: Record<string, string | number> = {};
    for (const key of ['reason', 'note', 'text', 'notes'] as const) {
      const value = visibleTrim(input[key] ?? '');
      if (value) fields[key] = value;
    }
    if (input.minutes !== undefined) fields.minutes = input.minutes;
    const files = input.files ?? [];
    let body: FormData | object = fields;
    if (files.length > 0) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
      files.forEach((file, i) => form.append('files', file, fileName(file, i)));
      body = form;
    }
    const answer = await post(this.#url(`api/wo/${action}`), body, onProgress);
    if (VendorStepQueued.safeParse(answer).success) return { view: await this.view(), queued: true };
    return { view: VendorWorkOrderView.parse(answer), queued: false };
  }
}

const fileName = (file: Blob, i: number) => (file instanceof File && file.name ? file.name : `file-${i + 1}.${file.type === 'application/pdf' ? 'pdf' : 'jpg'}`);
