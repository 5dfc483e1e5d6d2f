/** How long a session lives without use: a staff member's working day, a door panel's few minutes, a tenant's week. */
export const sessionIdle = { user: 12 * 3600_000, panel: 10 * 60_000, tenant: 7 * 24 * 3600_000 } as const;

export function sessionExpiry(kind: keyof typeof sessionIdle, now: string): string {
  return new Date(Date.parse(now) + sessionIdle[kind]).toISOString();
}
