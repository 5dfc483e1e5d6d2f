import { workingCalendar, type WorkingTime } from '../calendar/working-calendar.ts';
import type { WorkingCalendar } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

const compiled = new WeakMap<WorkingCalendar, WorkingTime>();

/** The site's working hours, ready to count with; built again only when the calendar changes. */
export function siteWorkingTime(store: SiteStore): WorkingTime {
  const definition = store.serviceLevels.calendar();
  let working = compiled.get(definition);
  if (!working) {
    working = workingCalendar(definition);
    compiled.set(definition, working);
  }
  return working;
}
