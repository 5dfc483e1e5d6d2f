import type { Room, ThresholdPlace } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';

/** The room whose devices' readings a rule judges, and the installation the work is about. */
export function thresholdPlace(store: SiteStore, place: ThresholdPlace): { room: Room; installation: string | null } {
  if (place.kind === 'room') {
    const room = store.rooms.get(place.room);
    if (!room) throw new Invalid('UNKNOWN_ROOM', `there is no room ${place.room}`, { room: place.room });
    return { room, installation: null };
  }
  const installation = store.entries.installations.get(place.installation);
  if (!installation) throw new Invalid('UNKNOWN_INSTALLATION', `there is no installation ${place.installation}`, { installation: place.installation });
  const room = installation.room ? store.rooms.get(installation.room) : undefined;
  if (!room) throw new Invalid('INSTALLATION_WITHOUT_ROOM', `installation ${installation.id} stands in no room, so no device reads it`, { installation: installation.id });
  return { room, installation: installation.id };
}
