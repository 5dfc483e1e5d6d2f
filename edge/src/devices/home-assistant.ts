import type { Room } from '../contracts/index.ts';
import { topics } from '../contracts/index.ts';

export const HOME_ASSISTANT_USER = 'homeassistant';

/** The device every entity of one room belongs to in Home Assistant. */
const roomDevice = (site: string, room: Room) => ({
  identifiers: [`doorside_${site}_${room.id}`],
  name: room.name,
  manufacturer: 'Doorside',
  model: 'Room',
  suggested_area: room.name,
});

/**
 * The announcement's title in the first of the languages that has one; empty when the
 * retained message was cleared (an empty payload: nothing is live in the room). A sensor's
 * state holds at most 255 characters; the full text is an attribute.
 */
const ANNOUNCEMENT_TITLE = "{% if value %}{% set t = value_json.title %}{{ (t.en or t.nb or t.nl or t.zh or '')[:255] }}{% endif %}";
const ANNOUNCEMENT_ATTRIBUTES = '{{ ({"title": value_json.title, "text": value_json.text, "starts_at": value_json.startsAt, "until": value_json.until} if value else {}) | tojson }}';

/**
 * Home Assistant's MQTT discovery: per room, one retained config makes the room's
 * status a sensor (with reason, since and ticket as attributes) and another its current
 * announcement (the title as the state, empty when none is live; every language's title
 * and text and the expiry as attributes), both read from the room's retained topics and
 * grouped as one device per room, with nothing to configure by hand.
 */
export function discoveryMessages(site: string, rooms: Room[]): { topic: string; payload: string }[] {
  return rooms.flatMap((room) => [{
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
      device: roomDevice(site, room),
    }),
  }, {
    topic: `homeassistant/sensor/doorside_${site}/${room.id}_announcement/config`,
    payload: JSON.stringify({
      name: 'Announcement',
      unique_id: `doorside_${site}_${room.id}_announcement`,
      object_id: `doorside_${site}_${room.id}_announcement`,
      state_topic: topics.roomAnnouncement(site, room.id),
      value_template: ANNOUNCEMENT_TITLE,
      json_attributes_topic: topics.roomAnnouncement(site, room.id),
      json_attributes_template: ANNOUNCEMENT_ATTRIBUTES,
      icon: 'mdi:bullhorn',
      device: roomDevice(site, room),
    }),
  }]);
}
