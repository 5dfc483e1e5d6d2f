/** The dashboard's sections, each a hash route: `#rooms`, `#tickets` … and one room's page, `#room/{id}`. */
export const sections = ['rooms', 'tickets', 'figures', 'devices', 'sync', 'audit'] as const;
export type Section = (typeof sections)[number];

export type Route = { section: Section } | { section: 'room'; room: string };

const isSection = (value: string): value is Section => (sections as readonly string[]).includes(value);

/** The route a hash names; anything unknown, or no hash, is the rooms overview. */
export function routeOf(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#/, ''));
  const room = /^room\/(.+)$/.exec(path);
  if (room) return { section: 'room', room: room[1]! };
  return { section: isSection(path) ? path : 'rooms' };
}

export const hashOf = (route: Route): string => (route.section === 'room' ? `#room/${encodeURIComponent(route.room)}` : `#${route.section}`);
