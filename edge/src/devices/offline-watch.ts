import { schedule, type ScheduledTask } from 'node-cron';
import type { DevicePresence } from '../broker/device-presence.ts';
import type { SiteStore } from '../store/site-store.ts';
import { systemActor } from '../rights/actor.ts';
import type { CommandHandler } from '../commands/handler.ts';
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
    private readonly commands: CommandHandler,
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
    for (const device of clear) await this.commands.handle(systemActor, { device: device.id }, { type: 'close-offline-alert' });
    const opened: string[] = [];
    for (const device of open) {
      const since = watched.find((w) => w.device.id === device.id)!.lastSeen;
      const { ticket } = await this.commands.handle(systemActor, { room: device.room }, {
        type: 'open-ticket', kind: 'task', category: OFFLINE_CATEGORY, priority: 'high', alertFor: device.id,
        title: `${device.kind === 'sign' || device.kind === 'epaper' ? 'Sign' : 'Door panel'} ${device.id} offline`,
        description: `${device.id} has been offline since ${since}. Check its power and network.`,
      });
      opened.push(ticket.id);
    }
    return opened;
  }

  async stop(): Promise<void> {
    await this.#task?.stop();
  }
}
