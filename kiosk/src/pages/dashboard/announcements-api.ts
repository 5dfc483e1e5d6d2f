import { Announcement, AnnouncementList, type CreateAnnouncementBody, UnitList } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type ListedAnnouncement = z.infer<typeof AnnouncementList>['announcements'][number];

/** Announcements as the dashboard writes, lists and takes them down; the tenant companies an announcement may target. */
export class AnnouncementsApi extends SignedInApi {
  async list(): Promise<ListedAnnouncement[]> {
    return AnnouncementList.parse(await this.send('GET', '/api/announcements')).announcements;
  }

  async create(body: CreateAnnouncementBody): Promise<Announcement> {
    return Announcement.parse(await this.send('POST', '/api/announcements', body));
  }

  async withdraw(id: string): Promise<Announcement> {
    return Announcement.parse(await this.send('POST', `/api/announcements/${encodeURIComponent(id)}/withdraw`));
  }

  /** The companies of the tenants' units, each once, sorted; none for a user who may not read the directory. */
  async companies(): Promise<string[]> {
    const units = UnitList.parse(await this.send('GET', '/api/units').catch(() => ({ units: [] }))).units;
    return [...new Set(units.map((u) => u.company?.trim()).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b));
  }
}
