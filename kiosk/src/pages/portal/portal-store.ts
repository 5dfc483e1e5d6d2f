import type { AskedApproval, Category, FollowedOrder, Me, PortalApi, ReaderAnnouncement, RequestDetail, RequestSummary } from './portal-api.ts';

/** What the signed-in tenant's portal shows; only the page element reads it. */
export interface PortalData {
  requests: RequestSummary[];
  open: RequestDetail | null;
  approvals: AskedApproval[];
  announcements: ReaderAnnouncement[];
  orders: FollowedOrder[];
  categories: Category[];
}

export const emptyData = (): PortalData => ({ requests: [], open: null, approvals: [], announcements: [], orders: [], categories: [] });

/** Everything the portal shows for this tenant, read at once. */
export async function loadAll(api: PortalApi, me: Me, open: string | null): Promise<PortalData> {
  const [requests, approvals, announcements, orders, categories, detail] = await Promise.all([
    api.requests(), api.approvals(), api.announcements(), api.orders(),
    me.rights.includes('open-request') ? api.categories() : Promise.resolve([]),
    open ? api.request(open).catch(() => null) : Promise.resolve(null),
  ]);
  return { requests, approvals, announcements, orders, categories, open: detail };
}
