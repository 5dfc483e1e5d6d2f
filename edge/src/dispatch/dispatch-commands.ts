import type { CategoryCommand, DispatchCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { assertMay, personRefusal } from '../rights/refusal.ts';
import type { Right } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';

type Command = DispatchCommand | Extract<CategoryCommand, { type: 'set-auto-dispatch' }>;

function person(store: SiteStore, target: unknown) {
  const id = (target as { user?: string }).user ?? '';
  const record = store.directory.user(id);
  if (!record) throw new NotFound('user', id);
  return record.user;
}

function assertReaches(store: SiteStore, actor: Parameters<typeof personRefusal>[0], right: Right, target: unknown) {
  const user = person(store, target);
  const refused = personRefusal(actor, right, user);
  if (refused) throw refused;
  return user;
}

/** Being on or off duty, a person's skills, automatic dispatch for a category. */
export const dispatchCommands: CommandModule<Command> = {
  types: ['set-duty', 'set-skills', 'set-auto-dispatch'],

  run(store, { actor, target, command, at }) {
    switch (command.type) {
      case 'set-duty': {
        const user = assertReaches(store, actor, 'set-duty', target);
        const state = { user: user.id, onDuty: command.onDuty, since: at };
        return { changes: [{ entity: 'duty', type: 'duty-set', state }], result: state };
      }
      case 'set-skills': {
        const user = assertReaches(store, actor, 'set-skills', target);
        const unknown = command.categories.filter((id) => !store.directory.category(id));
        if (unknown.length > 0) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${unknown.join(', ')}`, { categories: unknown });
        const state = { user: user.id, categories: [...new Set(command.categories)] };
        return { changes: [{ entity: 'skills', type: 'skills-set', state }], result: state };
      }
      case 'set-auto-dispatch': {
        assertMay(actor.role, 'set-auto-dispatch');
        const id = (target as { category?: string }).category ?? '';
        const category = store.directory.category(id);
        if (!category) throw new NotFound('category', id);
        const state = { ...category, autoDispatch: command.autoDispatch };
        return { changes: [{ entity: 'category', type: 'category-dispatch-changed', state }], result: state };
      }
    }
  },
};
