import { DeviceEvent, type Device, type DeviceCommand } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { deviceActor } from '../rights/actor.ts';
import { deviceIntent } from './device-intent.ts';

export interface Reading { sensor: string; value: number; unit: string | null; at: string }

/**
 * Device events off MQTT: parsed (a bad payload is dropped and counted), turned into
 * an intent, judged by the same ticket rules as the HTTP routes, and answered with what
 * was done or why not (the broker sends that on the device's `commands` topic).
 */
export class DeviceEvents {
  readonly readings = new Map<string, Reading[]>();
  readonly scans = new Map<string, { count: number; last: string }>();

  constructor(
    private readonly store: SiteStore,
    private readonly commands: CommandHandler,
    private readonly onDrop: (reason: string) => void,
    private readonly clock: () => string,
  ) {}

  receive(deviceId: string, payload: Buffer): Promise<DeviceCommand | undefined> {
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
    const intent = deviceIntent(event, this.store.tickets.openInRoom(device.room));
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
          const kept = (this.readings.get(device.id) ?? []).filter((r) => r.sensor !== intent.sensor);
          this.readings.set(device.id, [...kept, { sensor: intent.sensor, value: intent.value, unit: intent.unit, at: this.clock() }]);
          return undefined;
        }
        case 'open': {
          const { ticket } = await this.commands.handle(actor, { room: device.room }, {
            type: 'open-ticket', kind: 'task', category: intent.category, priority: 'normal', description: intent.description,
          });
          return { type: 'done', action, ticket: ticket.id, message: `${ticket.id} opened` };
        }
        case 'act': {
          const result = await this.commands.handle(actor, { ticket: intent.ticket }, intent.command);
          return { type: 'done', action, ticket: result.ticket.id, message: `${result.ticket.id} is ${result.ticket.status}` };
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { type: 'denied', action, code: error.code, message: error.message };
    }
  }
}
