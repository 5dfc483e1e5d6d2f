import { DeviceEvent, type Device, type DeviceCommand } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { deviceActor } from '../rights/actor.ts';
import { deviceIntent } from './device-intent.ts';
import { DEVICE_LIMITS } from '../broker/device-limits.ts';
import { DeviceRates, TooManyDeviceTickets } from './device-rates.ts';

export interface Reading { sensor: string; value: number; unit: string | null; at: string }

/**
 * Device events off MQTT: parsed (a bad payload is dropped and counted), turned into
 * an intent, judged by the same ticket rules as the HTTP routes, and answered with what
 * was done or why not (the broker sends that on the device's `commands` topic). Each device
 * is held to DEVICE_LIMITS: its events per second, the tickets it opens, the sensors kept.
 */
export class DeviceEvents {
  readonly readings = new Map<string, Reading[]>();
  readonly scans = new Map<string, { count: number; last: string }>();
  readonly #rates = new DeviceRates();

  constructor(
    private readonly store: SiteStore,
    private readonly commands: CommandHandler,
    private readonly onDrop: (reason: string) => void,
    private readonly clock: () => string,
  ) {}

  async receive(deviceId: string, payload: Buffer): Promise<DeviceCommand | undefined> {
    // Over its rate a device's events are dropped unread, so a flood costs no parsing and no store.
    if (!(await this.#rates.event(deviceId))) { this.onDrop('event-rate-limited'); return undefined; }
    let json: unknown;
    try { json = JSON.parse(payload.toString('utf8')); } catch { this.onDrop('not-json'); return Promise.resolve(undefined); }
    const event = DeviceEvent.safeParse(json);
    if (!event.success) { this.onDrop('bad-payload'); return Promise.resolve(undefined); }
    const record = this.store.directory.device(deviceId);
    if (!record || record.device.revoked) { this.onDrop('unknown-device'); return Promise.resolve(undefined); }
    return this.handle(record.device, event.data);
  }

  async handle(device: Device, event: DeviceEvent): Promise<DeviceCommand | undefined> {
    const action = event.type === 'button' ? event.action : event.type;
    const intent = deviceIntent(event, () => this.store.tickets.latestDoneInRoom(device.room));
    const actor = deviceActor(device);
    try {
      switch (intent.kind) {
        case 'deny':
          return { type: 'denied', action, code: intent.code, message: intent.message };
        case 'note-scan': {
          const seen = this.scans.get(device.id);
          this.scans.set(device.id, { count: (seen?.count ?? 0) + 1, last: this.clock() });
          return undefined;
        }
        case 'note-reading': {
          const held = this.readings.get(device.id) ?? [];
          const kept = held.filter((r) => r.sensor !== intent.sensor);
          if (kept.length === held.length && held.length >= DEVICE_LIMITS.sensors) { this.onDrop('too-many-sensors'); return undefined; }
          this.readings.set(device.id, [...kept, { sensor: intent.sensor, value: intent.value, unit: intent.unit, at: this.clock() }]);
          // A reading no threshold rule watches needs no transaction; one that is watched is judged by the rules.
          if (this.store.thresholds.watches(device.room, intent.sensor)) {
            await this.commands.handle(actor, { device: device.id }, { type: 'take-reading', sensor: intent.sensor, value: intent.value });
          }
          return undefined;
        }
        case 'open': {
          const open = { type: 'open-ticket', kind: 'task', category: intent.category, priority: 'normal', description: intent.description } as const;
          // Only a ticket the rules would open takes one of the device's tickets.
          this.commands.check(actor, { room: device.room }, open);
          await this.#rates.ticket(device.id);
          const { ticket } = await this.commands.handle(actor, { room: device.room }, open);
          return { type: 'done', action, ticket: ticket.id, message: `${ticket.id} opened` };
        }
        case 'act': {
          const result = await this.commands.handle(actor, { ticket: intent.ticket }, intent.command);
          return { type: 'done', action, ticket: result.ticket.id, message: `${result.ticket.id} is ${result.ticket.status}` };
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof TooManyDeviceTickets) this.onDrop('ticket-rate-limited');
      return { type: 'denied', action, code: error.code, message: error.message };
    }
  }

  /** A revoked device's readings, scans and counters go with it. */
  forget(deviceId: string): void {
    this.readings.delete(deviceId);
    this.scans.delete(deviceId);
    this.#rates.forget(deviceId);
  }
}
