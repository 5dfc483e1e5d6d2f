import type { TrackView } from '@doorside/edge/contracts';
import type { PreparedPhoto } from '../../photos/resize-photo.ts';
import { get, post } from '../report/send-form.ts';

export interface DisputeInput { reason: string; notes: string; photos: PreparedPhoto[] }

/** The tracking link's calls: its view, a rating, and "not resolved". */
export class TrackApi {
  constructor(private readonly base: URL, private readonly token: string) {}

  #url(suffix = ''): URL {
    return new URL(`./api/track/${encodeURIComponent(this.token)}${suffix}`, this.base);
  }

  view(): Promise<TrackView> {
    return get(this.#url()) as Promise<TrackView>;
  }

  rate(score: number, comment: string): Promise<TrackView> {
    return post(this.#url('/rating'), { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }) as Promise<TrackView>;
  }

  dispute(input: DisputeInput, onProgress: (fraction: number) => void): Promise<TrackView> {
    const fields = { reason: input.reason.trim(), ...(input.notes.trim() ? { notes: input.notes.trim() } : {}) };
    if (input.photos.length === 0) return post(this.#url('/dispute'), fields, onProgress) as Promise<TrackView>;
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    input.photos.forEach((photo, i) => form.append('photos', photo.blob, `photo-${i + 1}.jpg`));
    return post(this.#url('/dispute'), form, onProgress) as Promise<TrackView>;
  }
}
