import { describe, expect, it } from 'vitest';
import type { Room } from '../contracts/index.ts';
import { covers, integrationRights, maySubscribe } from '../broker/device-acl.ts';
import { discoveryMessages } from './home-assistant.ts';

const room: Room = { id: 'r101', name: 'Reception Lounge', floor: 1, zone: 'Lobby', status: 'available', since: '2026-01-01T00:00:00.000Z', reason: 'Ready', ticket: null };

describe('Home Assistant discovery', () => {
  it('announces each room as a status sensor on the room topic, under the discovery prefix', () => {
    const [message] = discoveryMessages('demo', [room]);

    expect(message!.topic).toBe('homeassistant/sensor/doorside_demo/r101/config');
    expect(JSON.parse(message!.payload)).toMatchObject({
      unique_id: 'doorside_demo_r101_status', state_topic: 'doorside/demo/rooms/r101/status', value_template: '{{ value_json.status }}',
      device: { identifiers: ['doorside_demo_r101'], name: 'Reception Lounge' },
    });
  });

  it('announces each room\'s current announcement as a sensor of the same device, empty when the retained message is cleared', () => {
    const [, message] = discoveryMessages('demo', [room]);

    const config = JSON.parse(message!.payload);

    expect(message!.topic).toBe('homeassistant/sensor/doorside_demo/r101_announcement/config');
    expect(config).toMatchObject({
      unique_id: 'doorside_demo_r101_announcement', state_topic: 'doorside/demo/rooms/r101/announcement', json_attributes_topic: 'doorside/demo/rooms/r101/announcement',
      device: { identifiers: ['doorside_demo_r101'] },
    });
    expect(config.value_template).toMatch(/^\{% if value %\}.*\{% endif %\}$/);
    expect(config.json_attributes_template).toContain('if value else {}');
  });

  it('lets Home Assistant read every room status and the discovery topics, and nothing else', () => {
    const rights = integrationRights('demo');

    expect(maySubscribe(rights, 'doorside/demo/rooms/r205/status')).toBe(true);
    expect(maySubscribe(rights, 'doorside/demo/rooms/+/status')).toBe(true);
    expect(maySubscribe(rights, 'homeassistant/#')).toBe(true);
    expect(maySubscribe(rights, 'doorside/demo/devices/sign-r101/commands')).toBe(false);
    expect(maySubscribe(rights, 'doorside/#')).toBe(false);
    expect(rights.write).toEqual([]);
  });

  it('matches MQTT filters level by level', () => {
    expect([covers('a/+/c', 'a/b/c'), covers('a/#', 'a/b/c'), covers('a/+/c', 'a/b/d'), covers('a/+', 'a/b/c'), covers('a/+/c', 'a/+/c'), covers('a/#', 'a/+')])
      .toEqual([true, true, false, false, true, false]);
  });
});
