import type { Room } from '../contracts/index.ts';
import { topics } from '../contracts/index.ts';

export const HOME_ASSISTANT_USER = 'homeassistant';

/**
 * Home Assistant's MQTT discovery: one retained config per room makes the room's
 * status a sensor (with reason, since and ticket as attributes), grouped as one
 * device per room, with nothing to configure by hand.
 */
export function discoveryMessages(site: string, rooms: Room[]): { topic: string; payload: string }[] {
  return rooms.map((room) => ({
    topic: `homeassistant/sensor/doorside_${site}/${room.id}/config`,
    payload: JSON.stringify({
      name: 'Status',
      unique_id: `doorside_${site}_${room.id}_status`,
      object_id: `doorside_${site}_${room.id}_status`,
      state_topic: topics.roomStatus(site, room.id),
      value_template: '{{ value_json.status }}',
      json_attributes_topic: topics.roomStatus(site, room.id),
      json_attributes_template: '{{ {"reason": value_json.reason, "since": value_json.since, "ticket": value_json.ticket} | tojson }}',
      icon: 'mdi:door',
      device: {
        identifiers: [`doorside_${site}_${room.id}`],
        name: room.name,
        manufacturer: 'Doorside',
        model: 'Room',
        suggested_area: room.name,
      },
    }),
  }));
}
