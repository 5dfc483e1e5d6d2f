import type { CommandModule } from '../commands/command-module.ts';
import type { PushCommand } from '../contracts/index.ts';
import { ownerRefusal } from '../rights/refusal.ts';

/** Turning Web Push on and off for oneself; the gateway (role `system`) removes what a push service says is gone. */
export const pushCommands: CommandModule<PushCommand> = {
  types: ['subscribe-push', 'unsubscribe-push'],

  run(store, { actor, target, command }) {
    const owner = (target as { pushOwner?: string }).pushOwner ?? '';
    const refused = ownerRefusal(actor, 'subscribe-push', owner);
    if (refused) throw refused;
    if (command.type === 'subscribe-push') {
      const state = { owner, endpoint: command.endpoint, p256dh: command.p256dh, auth: command.auth };
      return { changes: [{ entity: 'push-subscription', type: 'push-subscribed', state }], result: { subscribed: true } };
    }
    const held = store.push.get(command.endpoint);
    if (!held || ownerRefusal(actor, 'subscribe-push', held.owner)) return { changes: [], result: { subscribed: false } };
    return { changes: [{ entity: 'push-subscription', type: 'push-unsubscribed', state: { owner: held.owner, endpoint: command.endpoint } }], result: { subscribed: false } };
  },
};
