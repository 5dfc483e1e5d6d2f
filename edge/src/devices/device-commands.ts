import { newDeviceSecret } from '@doorside/firmware-config';
import type { Change, Device, DeviceAdminCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { DomainError, NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';

export class DeviceExists extends DomainError {
  readonly code = 'DEVICE_EXISTS';
  constructor(id: string) {
    super(`a device ${id} is already registered`, { device: id });
  }
}

const deviceOf = (store: SiteStore, id: string): Device => {
  const record = store.directory.device(id);
  if (!record) throw new NotFound('device', id);
  return record.device;
};

const roomMustExist = (store: SiteStore, id: string) => {
  if (!store.rooms.get(id)) throw new NotFound('room', id);
};

/**
 * Adding, rebinding, re-keying and revoking devices. A new secret is shown once and
 * stored only as digests; the gateway disconnects a device whose secret or room changed
 * once the change is committed, so it signs in again under the new terms.
 */
export const deviceCommands: CommandModule<DeviceAdminCommand> = {
  types: ['register-device', 'rebind-device', 'rotate-device-secret', 'revoke-device', 'close-offline-alert'],

  run(store, { actor, target, command }) {
    const id = (target as { device: string }).device;
    if (command.type === 'close-offline-alert') {
      assertMay(actor.role, 'watch-devices');
      return { changes: [{ entity: 'offline-alert', type: 'offline-alert-set', state: { device: id, ticket: null } }], result: { device: deviceOf(store, id), secret: null } };
    }
    assertMay(actor.role, 'manage-devices');
    let change: Extract<Change, { entity: 'device' }>;
    switch (command.type) {
      case 'register-device': {
        if (store.directory.device(id)) throw new DeviceExists(id);
        roomMustExist(store, command.room);
        change = { entity: 'device', type: 'device-registered', state: { id, kind: command.kind, room: command.room, revoked: false }, secret: newDeviceSecret() };
        break;
      }
      case 'rebind-device':
        roomMustExist(store, command.room);
        change = { entity: 'device', type: 'device-rebound', state: { ...deviceOf(store, id), room: command.room } };
        break;
      case 'rotate-device-secret':
        change = { entity: 'device', type: 'device-secret-rotated', state: deviceOf(store, id), secret: newDeviceSecret() };
        break;
      case 'revoke-device':
        change = { entity: 'device', type: 'device-revoked', state: { ...deviceOf(store, id), revoked: true } };
        break;
    }
    return { changes: [change], result: { device: change.state, secret: change.secret ?? null } };
  },
};
