import type { InstallationId, Room, SchedulePlace } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';

/** The room an occurrence's ticket opens in, and the installation it is about, if any. */
export function placeOf(store: SiteStore, place: SchedulePlace): { room: Room; installation: InstallationId | null } {
  switch (place.kind) {
    case 'room': {
      const room = store.rooms.get(place.room);
      if (!room) throw new Invalid('UNKNOWN_ROOM', `there is no room ${place.room}`, { room: place.room });
      return { room, installation: null };
    }
    case 'zone': {
      // Work for a whole zone opens in its first room (by id), where the zone's rounds start.
      const room = store.rooms.all().filter((r) => r.zone === place.zone).sort((a, b) => a.id.localeCompare(b.id))[0];
      if (!room) throw new Invalid('UNKNOWN_ZONE', `no room lies in zone ${place.zone}`, { zone: place.zone });
      return { room, installation: null };
    }
    case 'installation': {
      const installation = store.entries.installations.get(place.installation);
      if (!installation) throw new Invalid('UNKNOWN_INSTALLATION', `there is no installation ${place.installation}`, { installation: place.installation });
      const rooms = store.rooms.all().sort((a, b) => a.id.localeCompare(b.id));
      const room = (installation.room ? rooms.find((r) => r.id === installation.room) : undefined) ?? rooms.find((r) => r.floor === installation.floor) ?? rooms[0];
      if (!room) throw new Invalid('UNKNOWN_ROOM', 'the site has no rooms', {});
      return { room, installation: installation.id };
    }
  }
}
