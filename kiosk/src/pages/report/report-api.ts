import { OccupantAnnouncements, OccupantNoteAdded, OccupantRoomView, type OccupantTicket, ReportReceipt, visibleTrim } from '@doorside/edge/occupant-contracts';
import type { PreparedPhoto } from '../../photos/resize-photo.ts';
import type { ReportLink } from './report-link.ts';
import { get, post, readResponse, SendError } from './send-form.ts';

export interface ReportDraft {
  category: string;
  description: string;
  contact: string;
  photos: PreparedPhoto[];
}

export interface ReportSent { ticket: string; trackToken: string }

/** The occupant report page's calls: the room behind the QR code, a new report, a note on an open ticket. */
export class ReportApi {
  constructor(private readonly link: ReportLink) {}

  #url(path: string): URL {
    const url = new URL(`.${path}`, this.link.base);
    url.searchParams.set('k', this.link.k);
    return url;
  }

  /** `early` is the request the page shell started before this script arrived (see early-room-view.js). */
  async roomView(early?: Promise<Response>): Promise<OccupantRoomView> {
    const answer = early
      ? early.catch(() => { throw new SendError({ kind: 'network' }); }).then(readResponse)
      : get(this.#url(`/api/rooms/${encodeURIComponent(this.link.room)}/public`));
    return OccupantRoomView.parse(await answer);
  }

  /** The announcements live in the room now. */
  async announcements(): Promise<OccupantAnnouncements['announcements']> {
    return OccupantAnnouncements.parse(await get(this.#url(`/api/rooms/${encodeURIComponent(this.link.room)}/announcements`))).announcements;
  }

  async sendReport(draft: ReportDraft, onProgress: (fraction: number) => void): Promise<ReportSent> {
    const fields = { category: draft.category, description: visibleTrim(draft.description), ...(visibleTrim(draft.contact) ? { contact: visibleTrim(draft.contact) } : {}) };
    const body = draft.photos.length === 0 ? fields : withPhotos(fields, draft.photos);
    const created = ReportReceipt.parse(await post(this.#url(`/api/rooms/${encodeURIComponent(this.link.room)}/reports`), body, onProgress));
    return { ticket: created.ticket.id, trackToken: created.trackToken };
  }

  async addNote(ticket: string, text: string, photos: PreparedPhoto[], onProgress: (fraction: number) => void): Promise<OccupantTicket> {
    const fields = { text: visibleTrim(text) };
    const body = photos.length === 0 ? fields : withPhotos(fields, photos);
    const path = `/api/rooms/${encodeURIComponent(this.link.room)}/tickets/${encodeURIComponent(ticket)}/notes`;
    return OccupantNoteAdded.parse(await post(this.#url(path), body, onProgress)).ticket;
  }

  /** The tracking page for a sent report, in the language the occupant chose here. */
  trackUrl(token: string, lang: string): URL {
    const url = new URL(`./track/${encodeURIComponent(token)}`, this.link.base);
    url.searchParams.set('lang', lang);
    return url;
  }
}

function withPhotos(fields: Record<string, string>, photos: PreparedPhoto[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  photos.forEach((photo, i) => form.append('photos', photo.blob, `photo-${i + 1}.jpg`));
  return form;
}
