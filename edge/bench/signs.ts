import type { TapSign } from './tap.ts';
import type { TestGateway } from '../src/test-support/test-gateway.ts';

/** The demo signs, signed in with their own device credentials, each on its room's status topic. */
export function demoSigns(gw: TestGateway, rooms: readonly string[]): TapSign[] {
  return rooms.map((room) => {
    const device = gw.creds.devices.find((d) => d.id === `sign-${room}`);
    if (!device) throw new Error(`no sign for ${room}`);
    return { topic: `doorside/${gw.creds.site}/rooms/${room}/status`, clientId: device.id, username: device.username, password: device.password };
  });
}
