import type { DeviceCommand, Room, RoomAnnouncementMessage, RoomStatusMessage, TeamNotification } from '../contracts/index.ts';
import { topics } from '../contracts/index.ts';
import type { DeviceBus } from './device-bus.ts';

/** What the gateway publishes, as topics and payloads, over whichever bus carries it. */
export class SiteSignals {
  constructor(private readonly bus: DeviceBus, private readonly site: string) {}

  roomStatus(room: Room): void {
    const message: RoomStatusMessage = { room: room.id, name: room.name, status: room.status, since: room.since, reason: room.reason,
      ...(room.reasonPhrase ? { reasonPhrase: room.reasonPhrase } : {}), ...(room.names ? { names: room.names } : {}), ticket: room.ticket,
      ...(room.alternative ? { alternative: room.alternative } : {}) };
    this.bus.publish(topics.roomStatus(this.site, room.id), JSON.stringify(message), true);
  }

  /** The announcement live in the room now, retained; `null` clears the retained message (an empty payload). */
  roomAnnouncement(room: string, message: RoomAnnouncementMessage | null): void {
    this.bus.publish(topics.roomAnnouncement(this.site, room), message ? JSON.stringify(message) : '', true);
  }

  teamNotification(notification: TeamNotification): void {
    this.bus.publish(topics.teamNotifications(this.site, notification.team), JSON.stringify(notification), false);
  }

  command(deviceId: string, command: DeviceCommand): void {
    this.bus.publish(topics.deviceCommands(this.site, deviceId), JSON.stringify(command), false);
  }

  presence(deviceId: string, online: boolean): void {
    this.bus.publish(topics.presence(this.site, deviceId), online ? 'online' : 'offline', true);
  }
}
