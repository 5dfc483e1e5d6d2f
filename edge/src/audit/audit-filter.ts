import type { AuditFilter } from '../store/event-log.sqlite.ts';

export interface AuditSearch { room?: string; ticket?: string; actor?: string; type?: string; q?: string; limit: number }

/** The audit search's query string as the event log's filter (the list and its download share it). */
export function auditFilter({ room, ticket, actor, type, q, limit }: AuditSearch): AuditFilter {
  return {
    ...(room ? { room } : {}), ...(ticket ? { entity: `ticket:${ticket}` } : {}), ...(actor ? { actor } : {}),
    ...(type ? { type } : {}), ...(q ? { text: q } : {}), limit,
  };
}
