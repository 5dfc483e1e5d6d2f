import type { Service, ServiceCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import { assertTimeZone } from './slots.ts';

const keyOf = (target: unknown) => (target as { service?: string }).service ?? '';

/** Keeping the catalogue: a service and its price rule, its bookable slots, the site's currency. */
export const serviceCommands: CommandModule<ServiceCommand> = {
  types: ['define-service', 'set-service-slots', 'set-service-settings'],

  run(store, { actor, target, command, at }) {
    assertMay(actor.role, 'manage-services');
    switch (command.type) {
      case 'define-service': {
        const id = keyOf(target);
        const category = store.directory.category(command.service.category);
        if (!category) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${command.service.category}`, { categories: store.directory.categories().map((c) => c.id) });
        const known = store.services.get(id);
        const state: Service = {
          ...command.service, id, team: category.team, currency: store.services.settings().currency, schedule: known?.schedule ?? null, updatedAt: at,
        };
        return { changes: [{ entity: 'service', type: 'service-defined', state }], result: state };
      }
      case 'set-service-slots': {
        const id = keyOf(target);
        const known = store.services.get(id);
        if (!known) throw new NotFound('service', id);
        assertTimeZone(command.schedule.timeZone);
        const state: Service = { ...known, schedule: command.schedule, updatedAt: at };
        return { changes: [{ entity: 'service', type: 'service-slots-set', state }], result: state };
      }
      case 'set-service-settings': {
        const { currency } = command.settings;
        if (currency !== store.services.settings().currency && store.orders.nextNumber() > 1001) {
          throw new Refusal('CURRENCY_IN_USE', 'orders exist in the site\'s currency; it cannot change now', { currency: store.services.settings().currency });
        }
        // Every service carries the currency its prices are in.
        const services = store.services.all().map((s) => ({ entity: 'service' as const, type: 'service-defined' as const, state: { ...s, currency, updatedAt: at } }));
        return { changes: [{ entity: 'service-settings', type: 'service-settings-set', state: { currency } }, ...services], result: { currency } };
      }
    }
  },
};
