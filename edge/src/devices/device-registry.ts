import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import type { Device, DeviceKind } from '../contracts/index.ts';
import { DomainError, NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/rights.ts';
import { brokerHash } from '../seed/seed-demo.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Actor } from '../tickets/actor.ts';
import type { DeviceBus } from '../broker/device-bus.ts';

export class DeviceExists extends DomainError {
  readonly code = 'DEVICE_EXISTS';
  constructor(id: string) {
    super(`a device ${id} is already registered`, { device: id });
  }
}

export interface Issued { device: Device; secret: string }

/**
 * Adding, rebinding, re-keying and revoking devices. A new secret is shown once and
 * stored only as digests; a device whose secret or room changes is disconnected at
 * once so it signs in again under the new terms.
 */
export class DeviceRegistry {
  constructor(private readonly store: SiteStore, private readonly bus: () => DeviceBus) {}

  add(actor: Actor, at: string, input: { id: string; kind: DeviceKind; room: string }): Issued {
    assertMay(actor.role, 'manage-devices');
    return this.store.transact(actor.ref, at, (tx) => {
      if (this.store.directory.device(input.id)) throw new DeviceExists(input.id);
      this.#room(input.room);
      const device: Device = { id: input.id, kind: input.kind, room: input.room, revoked: false };
      const secret = newDeviceSecret();
      this.store.directory.putDevice(device, secretDigest(secret), brokerHash(device.id, secret));
      tx.record('device-registered', `device:${device.id}`, device);
      return { device, secret };
    });
  }

  bind(actor: Actor, at: string, id: string, room: string): Device {
    return this.#change(actor, at, id, 'device-rebound', (device) => {
      this.#room(room);
      return { device: { ...device, room } };
    });
  }

  rotate(actor: Actor, at: string, id: string): Issued {
    let secret = '';
    const device = this.#change(actor, at, id, 'device-secret-rotated', (current) => {
      secret = newDeviceSecret();
      return { device: current, secret };
    });
    return { device, secret };
  }

  revoke(actor: Actor, at: string, id: string): Device {
    return this.#change(actor, at, id, 'device-revoked', (device) => ({ device: { ...device, revoked: true } }));
  }

  #change(actor: Actor, at: string, id: string, type: string, edit: (d: Device) => { device: Device; secret?: string }): Device {
    assertMay(actor.role, 'manage-devices');
    const changed = this.store.transact(actor.ref, at, (tx) => {
      const record = this.store.directory.device(id);
      if (!record) throw new NotFound('device', id);
      const { device, secret } = edit(record.device);
      const digest = secret ? secretDigest(secret) : record.secretDigest;
      const hash = secret ? brokerHash(id, secret) : this.store.directory.brokerHash(id);
      this.store.directory.putDevice(device, digest, hash);
      tx.record(type, `device:${id}`, device);
      return device;
    });
    this.bus().disconnect(id);
    return changed;
  }

  #room(id: string): void {
    if (!this.store.rooms.get(id)) throw new NotFound('room', id);
  }
}
