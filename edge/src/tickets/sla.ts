import type { Category, Priority } from '../contracts/index.ts';

export function dueAt(category: Category, priority: Priority, openedAt: string): string {
  const minutes = category.slaMinutes[priority] ?? 24 * 60;
  return new Date(Date.parse(openedAt) + minutes * 60_000).toISOString();
}
