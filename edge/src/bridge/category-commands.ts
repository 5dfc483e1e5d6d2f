import type { CategoryCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import { withRejectionPolicy } from './category-policy.ts';

/** A category's rejection policy or rating threshold changed (staff, or head office through the bridge); a built-in category added to an older site. */
export const categoryCommands: CommandModule<Exclude<CategoryCommand, { type: 'set-auto-dispatch' }>> = {
  types: ['set-rejection-policy', 'define-category', 'set-rating-threshold'],

  run(store, { actor, target, command }) {
    if (command.type === 'define-category') {
      assertMay(actor.role, 'set-rejection-policy');
      return { changes: [{ entity: 'category', type: 'category-defined', state: command.category }], result: command.category };
    }
    assertMay(actor.role, 'set-rejection-policy');
    const id = (target as { category: string }).category;
    const category = store.directory.category(id);
    if (!category) throw new NotFound('category', id);
    if (command.type === 'set-rating-threshold') {
      // Part of what a rejection is triggered by, so it travels as the category's policy change.
      const changed = { ...category, ratingThreshold: command.threshold };
      return { changes: [{ entity: 'category', type: 'category-policy-changed', state: changed }], result: changed };
    }
    const changed = withRejectionPolicy(category, command.policy, store.directory.teams());
    return { changes: [{ entity: 'category', type: 'category-policy-changed', state: changed }], result: changed };
  },
};
