import { Temporal } from 'temporal-polyfill';
import type { CommandHandler } from '../commands/handler.ts';
import type { Priority } from '../contracts/index.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

const priorities: Priority[] = ['urgent', 'high', 'normal', 'low'];
/** First response and resolution in working minutes, urgent to low, per category. */
const targets: Record<string, [number, number][]> = {
  cleaning: [[15, 60], [30, 120], [60, 240], [120, 480]],
  av: [[15, 60], [30, 240], [60, 480], [240, 1440]],
  maintenance: [[30, 120], [60, 480], [120, 960], [480, 2400]],
  climate: [[30, 120], [60, 240], [120, 480], [240, 1440]],
  security: [[5, 30], [15, 60], [30, 240], [60, 480]],
};

/**
 * The demo site's service levels: Oslo working hours with the Norwegian public holidays of
 * 2026–2027, targets per category and priority, what a breach sets going, a few schedules of
 * planned work and a warm-room threshold. Through the one command path, once, on a new demo site.
 */
export async function seedDemoServiceLevels(store: SiteStore, commands: CommandHandler, at: string): Promise<void> {
  const head = store.directory.user('hanna')?.user;
  if (!head || !store.directory.category('climate')) return;
  const by = actorOf(head);
  const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '07:00', to: '17:00' }]]));
  await commands.handle(by, { site: true }, { type: 'set-working-calendar', calendar: {
    timeZone: 'Europe/Oslo', hours: weekdays, holidayCalendar: null,
    holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-03-25', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-05-17', '2027-12-24', '2027-12-25', '2027-12-26']
      .filter((d, i, all) => all.indexOf(d) === i),
  } });
  await commands.handle(by, { site: true }, { type: 'set-sla-targets', targets: {
    targets: Object.entries(targets).filter(([c]) => store.directory.category(c)).flatMap(([category, rows]) =>
      rows.map(([responseMinutes, resolutionMinutes], i) => ({ category, priority: priorities[i]!, responseMinutes, resolutionMinutes }))),
    pausing: ['tenant', 'vendor', 'visit'],
  } });
  await commands.handle(by, { category: 'maintenance' }, { type: 'set-escalation', escalation: { notify: true, raisePriority: true, reassign: true } });
  await commands.handle(by, { category: 'security' }, { type: 'set-escalation', escalation: { notify: true, raisePriority: true, reassign: true } });
  await commands.handle(by, { category: 'cleaning' }, { type: 'set-escalation', escalation: { notify: true, raisePriority: true, reassign: false } });

  // Schedules start on the coming Monday, so the first tickets appear a little ahead of it.
  const today = Temporal.Instant.from(at).toZonedDateTimeISO('Europe/Oslo').toPlainDate();
  const monday = today.add({ days: (8 - today.dayOfWeek) % 7 || 7 }).toString();
  const planned = [
    { title: 'Weekly AV check, Boardroom', place: { kind: 'room' as const, room: 'r201' }, rrule: 'FREQ=WEEKLY;BYDAY=MO', start: `${monday}T08:00`, category: 'av', checklist: ['Projector lamp hours', 'Microphones charged', 'Video call test'], leadMinutes: 24 * 60 },
    { title: 'Quarterly ventilation filter change', place: { kind: 'room' as const, room: 'r205' }, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', start: `${monday}T09:00`, category: 'climate', checklist: ['Filters replaced', 'Airflow checked'], leadMinutes: 7 * 24 * 60 },
    { title: 'Restroom round, floor 1', place: { kind: 'room' as const, room: 'r104' }, rrule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', start: `${monday}T07:30`, category: 'cleaning', checklist: ['Soap and towels refilled', 'Floor mopped', 'Bins emptied'], leadMinutes: 60 },
  ];
  for (const schedule of planned) {
    if (!store.directory.category(schedule.category) || !store.rooms.get(schedule.place.room)) continue;
    await commands.handle(by, { directory: true }, { type: 'create-schedule', schedule: { ...schedule, timeZone: 'Europe/Oslo' } });
  }
  if (store.rooms.get('r202')) {
    await commands.handle(by, { thresholds: true }, { type: 'define-threshold', rule: {
      title: 'Meeting Room Tulip too warm', place: { kind: 'room', room: 'r202' }, measure: 'temperature', direction: 'above', limit: 26, forMinutes: 10, category: 'climate',
    } });
  }
}
