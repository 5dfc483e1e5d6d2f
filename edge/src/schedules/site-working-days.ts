import { siteWorkingTime } from '../service-levels/site-working-time.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { WorkingDays } from './working-days.ts';

/** The site's working days as its working-hours calendar has them: days with hours, holidays left out. */
export function workingDaysOf(store: SiteStore): WorkingDays {
  return siteWorkingTime(store);
}
