import { Temporal } from 'temporal-polyfill';
import type { SlotSchedule } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';

/** A visit's place in time: its start (the slot's id), end, and how many bookings it takes. */
export interface SlotTime { start: string; end: string; capacity: number }

/** The longest window a slot list covers. */
export const MAX_WINDOW_DAYS = 62;

/** A time zone the platform knows, refused by name otherwise. */
export function assertTimeZone(timeZone: string): void {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
  } catch {
    throw new Invalid('BAD_TIME_ZONE', `${timeZone} is not a time zone the gateway knows`, { timeZone });
  }
}

/** The one spelling of an instant that slot ids and the store use: UTC, seconds, no fraction when none. */
export const instantId = (iso: string) => Temporal.Instant.from(iso).toString();

/**
 * Every slot a weekly schedule offers on one local date: each rule's times on its weekdays,
 * none on a closed day. Times that fall into a daylight-saving gap move forward (`compatible`);
 * a slot two rules both offer takes the larger capacity.
 */
function slotsOn(schedule: SlotSchedule, durationMinutes: number, date: Temporal.PlainDate): SlotTime[] {
  if (schedule.closed.some((c) => c.date === date.toString())) return [];
  const byStart = new Map<string, SlotTime>();
  for (const rule of schedule.rules) {
    if (!rule.weekdays.includes(date.dayOfWeek)) continue;
    for (const time of rule.times) {
      const zoned = date.toZonedDateTime({ timeZone: schedule.timeZone, plainTime: Temporal.PlainTime.from(time) });
      const start = zoned.toInstant().toString();
      const known = byStart.get(start);
      if (known) { known.capacity = Math.max(known.capacity, rule.capacity); continue; }
      byStart.set(start, { start, end: zoned.add({ minutes: durationMinutes }).toInstant().toString(), capacity: rule.capacity });
    }
  }
  return [...byStart.values()];
}

/** The slots starting in [from, to), in order. A window ending before it starts, or too long, is refused. */
export function slotsBetween(schedule: SlotSchedule, durationMinutes: number, from: string, to: string): SlotTime[] {
  const start = Temporal.Instant.from(from);
  const end = Temporal.Instant.from(to);
  if (Temporal.Instant.compare(end, start) <= 0 || end.epochMilliseconds - start.epochMilliseconds > MAX_WINDOW_DAYS * 86_400_000) {
    throw new Invalid('BAD_WINDOW', `a slot list covers up to ${MAX_WINDOW_DAYS} days, and ends after it starts`, { maxDays: MAX_WINDOW_DAYS });
  }
  const firstDay = start.toZonedDateTimeISO(schedule.timeZone).toPlainDate().subtract({ days: 1 });
  const lastDay = end.toZonedDateTimeISO(schedule.timeZone).toPlainDate();
  const slots: SlotTime[] = [];
  for (let day = firstDay; Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
    for (const slot of slotsOn(schedule, durationMinutes, day)) {
      const at = Temporal.Instant.from(slot.start);
      if (Temporal.Instant.compare(at, start) >= 0 && Temporal.Instant.compare(at, end) < 0) slots.push(slot);
    }
  }
  return slots.sort((a, b) => Temporal.Instant.compare(Temporal.Instant.from(a.start), Temporal.Instant.from(b.start)));
}

/** The slot that starts at the instant given, if the schedule offers one there. */
export function slotAt(schedule: SlotSchedule, durationMinutes: number, startIso: string): SlotTime | undefined {
  const start = instantId(startIso);
  const day = Temporal.Instant.from(start).toZonedDateTimeISO(schedule.timeZone).toPlainDate();
  // A slot in a daylight-saving gap was moved forward, possibly past midnight: look at the day before too.
  return [...slotsOn(schedule, durationMinutes, day.subtract({ days: 1 })), ...slotsOn(schedule, durationMinutes, day)].find((s) => s.start === start);
}

/** Whether booking for a slot is still open at `now`: it closes `leadMinutes` before the visit. */
export function bookingOpen(schedule: SlotSchedule, slot: SlotTime, now: string): boolean {
  const closes = Temporal.Instant.from(slot.start).subtract({ minutes: schedule.leadMinutes });
  return Temporal.Instant.compare(Temporal.Instant.from(now), closes) < 0;
}
