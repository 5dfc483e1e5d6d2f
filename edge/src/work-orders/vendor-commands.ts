import type { Vendor, WorkOrderCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';

type Command = Extract<WorkOrderCommand, { type: 'define-vendor' | 'update-vendor' }>;

/** The vendors directory: a service party with its contacts; reminders on unless said otherwise. */
export const vendorCommands: CommandModule<Command> = {
  types: ['define-vendor', 'update-vendor'],

  run(store, { actor, target, command, at, newToken }) {
    assertMay(actor.role, 'manage-vendors');
    const contactId = () => `C-${newToken(6)}`;
    if (command.type === 'define-vendor') {
      const body = command.vendor;
      const vendor: Vendor = {
        id: `V-${newToken(6)}`, name: body.name, trade: body.trade, email: body.email, language: body.language, reminders: body.reminders, active: true,
        contacts: body.contacts.map((c) => ({ id: contactId(), name: c.name, email: c.email, phone: c.phone, language: c.language })),
        updatedAt: at,
      };
      return { changes: [{ entity: 'vendor', type: 'vendor-defined', state: vendor }], result: vendor };
    }
    const id = (target as { vendor?: string }).vendor ?? '';
    const before = store.workOrders.vendor(id);
    if (!before) throw new NotFound('vendor', id);
    const { contacts, ...fields } = command.changes;
    const kept = new Set(before.contacts.map((c) => c.id));
    const vendor: Vendor = {
      ...before,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(contacts ? { contacts: contacts.map(({ id: given, ...c }) => ({ id: given && kept.has(given) ? given : contactId(), ...c })) } : {}),
      updatedAt: at,
    };
    return { changes: [{ entity: 'vendor', type: 'vendor-updated', state: vendor }], result: vendor };
  },
};
