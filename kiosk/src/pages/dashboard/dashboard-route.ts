/** The dashboard's sections, each a hash route: `#rooms`, `#tickets` … one room's page, `#room/{id}`, and one installation's history, `#installation/{id}`. */
export const sections = ['rooms', 'tickets', 'inquiries', 'people', 'figures', 'devices', 'sync', 'audit', 'payments', 'stock', 'services', 'orders', 'documents', 'surveys', 'work-orders', 'announcements'] as const;
export type Section = (typeof sections)[number];

export type Route = { section: Section } | { section: 'room'; room: string } | { section: 'installation'; installation: string };

const isSection = (value: string): value is Section => (sections as readonly string[]).includes(value);

/** The route a hash names; anything unknown, or no hash, is the rooms overview. */
export function routeOf(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#/, ''));
  const room = /^room\/(.+)$/.exec(path);
  if (room) return { section: 'room', room: room[1]! };
  const installation = /^installation\/(.+)$/.exec(path);
  if (installation) return { section: 'installation', installation: installation[1]! };
  return { section: isSection(path) ? path : 'rooms' };
}

export function hashOf(route: Route): string {
  if (route.section === 'room') return `#room/${encodeURIComponent(route.room)}`;
  if (route.section === 'installation') return `#installation/${encodeURIComponent(route.installation)}`;
  return `#${route.section}`;
}
