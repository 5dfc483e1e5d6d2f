import { schedule, type ScheduledTask } from 'node-cron';
import type { DevicePresence } from '../broker/device-presence.ts';
import type { SiteStore } from '../store/site-store.ts';
import { systemActor } from '../tickets/actor.ts';
import type { TicketService } from '../tickets/ticket-service.ts';
import { offlineAlerts } from './offline-alerts.ts';

export const OFFLINE_CATEGORY = 'devices';

/**
 * Once a minute: a sign or panel offline for longer than the limit gets one ticket for
 * the facility team. The alert is kept on the device row, so a restart neither
 * forgets an open alert nor raises it twice.
 */
export class OfflineWatch {
  #task: ScheduledTask | undefined;

  constructor(
    private readonly store: SiteStore,
    private readonly presence: DevicePresence,
    private readonly tickets: TicketService,
    private readonly clock: () => string,
    private readonly minutes: number,
  ) {}

  start(): void {
    this.#task = schedule('* * * * *', () => this.tick(), { noOverlap: true });
  }

  async tick(): Promise<string[]> {
    const watched = this.store.directory.devices().map((d) => {
      const live = this.presence.current(d.id);
      return {
        device: { id: d.id, kind: d.kind, room: d.room, revoked: d.revoked },
        online: live?.online ?? d.online, lastSeen: live?.at ?? d.lastSeen, alert: this.store.directory.offlineAlert(d.id),
      };
    });
    const { open, clear } = offlineAlerts(watched, this.clock(), this.minutes);
    for (const device of clear) this.store.directory.setOfflineAlert(device.id, null);
    const opened: string[] = [];
    for (const device of open) {
      const since = watched.find((w) => w.device.id === device.id)!.lastSeen;
      const ticket = await this.store.batch(() => this.tickets.create(systemActor, {
        kind: 'task', category: OFFLINE_CATEGORY, room: device.room, priority: 'high',
        title: `${device.kind === 'sign' || device.kind === 'epaper' ? 'Sign' : 'Door panel'} ${device.id} offline`,
        description: `${device.id} has been offline since ${since}. Check its power and network.`,
      }));
      this.store.directory.setOfflineAlert(device.id, ticket.id);
      opened.push(ticket.id);
    }
    return opened;
  }

  async stop(): Promise<void> {
    await this.#task?.stop();
  }
}
