import type { SiteStore } from '../store/site-store.ts';
import { demoCategories } from './demo-building.ts';

/** Adds a category the gateway itself relies on to a site made before it existed. */
export function ensureCategory(store: SiteStore, id: string, at: string): void {
  if (store.directory.category(id)) return;
  const category = demoCategories.find((c) => c.id === id);
  if (!category) throw new Error(`no built-in category ${id}`);
  store.transact('system', at, (tx) => {
    store.directory.putCategory(category);
    tx.record('category-defined', `category:${id}`, category);
  });
}
