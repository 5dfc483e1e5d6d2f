import type { Temporal } from 'temporal-polyfill';

/**
 * Which days of the site's calendar are worked. Planned work that falls on a day off is left
 * out or moved to the next working day, as its schedule says.
 */
export interface WorkingDays {
  isWorkingDay(date: Temporal.PlainDate): boolean;
}

/** A calendar that works every day (tests of the rule alone). */
export const everyDayWorks: WorkingDays = { isWorkingDay: () => true };

/** Days off given as ISO dates (holidays), besides weekdays not worked (1 = Monday … 7 = Sunday). */
export function workingDaysOf(holidays: readonly string[], daysOff: readonly number[] = []): WorkingDays {
  const off = new Set(holidays);
  return { isWorkingDay: (date) => !off.has(date.toString()) && !daysOff.includes(date.dayOfWeek) };
}
