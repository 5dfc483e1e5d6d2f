import type { Device } from '../contracts/index.ts';
import type { DeviceEvents } from '../devices/device-events.ts';
import { singleButtonAction } from '../devices/device-intent.ts';
import type { SiteStore } from '../store/site-store.ts';
import { startGpioPanel } from './door-panel.gpio.ts';
import { openGpioPanel } from './gpio-panel-setup.ts';

/**
 * The door panel on the gateway's own pins: its button goes through the same device
 * rules as an MQTT panel, its lamps follow the room's status as it commits.
 */
export async function attachGpioPanel(options: { configFile: string; store: SiteStore; events: DeviceEvents; say: (line: string) => void; root?: string }) {
  const { store, events } = options;
  const { driver, pins, config } = await openGpioPanel({ configFile: options.configFile, log: options.say, ...(options.root ? { root: options.root } : {}) });
  const room = store.rooms.get(config.room);
  if (!room) {
    driver.close();
    throw new Error(`GPIO: room ${config.room} in ${options.configFile} does not exist`);
  }
  const device: Device = { id: `gpio-${config.room}`, kind: 'gpio_panel', room: config.room, revoked: false };
  const press = () => {
    const action = config.button.action === 'auto' ? singleButtonAction(store.tickets.latestDoneInRoom(config.room)) : config.button.action;
    events.handle(device, { type: 'button', action })
      .then((reply) => { if (reply?.type === 'denied') options.say(`GPIO: ${reply.code}: ${reply.message}`); })
      .catch((error: Error) => options.say(`GPIO: button failed: ${error.message}`));
  };
  const panel = startGpioPanel({ driver, pins, initialStatus: room.status, onPress: press });
  const unsubscribe = store.onCommit(({ changes }) => {
    for (const change of changes) if (change.entity === 'room' && change.state.id === config.room) panel.show(change.state.status);
  }, { devices: true });
  return {
    driver, pins, device,
    close() {
      unsubscribe();
      panel.close();
      driver.close();
    },
  };
}
