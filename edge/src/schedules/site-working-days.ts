import type { SiteStore } from '../store/site-store.ts';
import { everyDayWorks, type WorkingDays } from './working-days.ts';

/** The site's working days as its calendar has them; a site without a calendar works every day. */
export function workingDaysOf(_store: SiteStore): WorkingDays {
  return everyDayWorks;
}
