import type { CommandHandler } from '../commands/handler.ts';
import type { Installation, PersonRecord, Unit } from '../contracts/index.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** A demo person names their unit by its place in `units`. */
type NewPerson = Omit<PersonRecord, 'id' | 'updatedAt' | 'unit'> & { unit: number };
type NewUnit = Omit<Unit, 'id' | 'updatedAt'>;
type NewInstallation = Omit<Installation, 'id' | 'updatedAt'>;

const persons: NewPerson[] = [
  { name: 'Lena Brandt', company: 'Nordlys AS', email: 'lena.brandt@nordlys.example', phone: '+47 22 33 44 55', language: 'nb', notifyByEmail: true, unit: 0, tenantAdmin: true },
  { name: 'Ole Hansen', company: 'Nordlys AS', email: null, phone: '+47 22 33 44 56', language: 'nb', notifyByEmail: false, unit: 0 },
  { name: 'Mei Lin', company: 'Harbour Trading Ltd', email: 'mei.lin@harbour.example', phone: null, language: 'zh', notifyByEmail: true, unit: 1 },
  { name: 'Pieter de Boer', company: 'Tulp Advies BV', email: 'pieter@tulp.example', phone: '+31 20 555 0101', language: 'nl', notifyByEmail: true, unit: 2 },
  { name: 'Grace Miller', company: 'Harbour Trading Ltd', email: 'grace.miller@harbour.example', phone: null, language: 'en', notifyByEmail: true, unit: 1, tenantAdmin: true },
  { name: 'Sigrid Dahl', company: 'Nordlys AS', email: 'sigrid.dahl@nordlys.example', phone: null, language: 'en', notifyByEmail: true, unit: 0 },
];

/** The demo's tenants who can sign in to the portal: those with an e-mail address. */
export const demoTenants = () => persons.filter((p) => p.email).map((p) => ({ name: p.name, email: p.email!, company: p.company ?? '', role: p.tenantAdmin ? 'tenant_admin' : 'tenant' }));

const units: NewUnit[] = [
  { name: 'Nordlys, 2nd floor north', rooms: ['r201', 'r202', 'r205'], floor: 2, company: 'Nordlys AS' },
  { name: 'Harbour Trading, conference wing', rooms: ['r301', 'r302'], floor: 3, company: 'Harbour Trading Ltd' },
  { name: 'Tulp Advies, east wing', rooms: ['r102', 'r103'], floor: 1, company: 'Tulp Advies BV' },
];

const installations: NewInstallation[] = [
  { kind: 'lift', name: 'Passenger lift A', room: 'r101', floor: null, make: 'KONE MonoSpace', serial: 'KN-2231-88' },
  { kind: 'air_handling', name: 'Air-handling unit 2', room: null, floor: 2, make: 'Systemair Topvex', serial: 'SX-99-4412' },
  { kind: 'door_controller', name: 'Boardroom door controller', room: 'r201', floor: null, make: 'Salto XS4', serial: 'SAL-00912' },
  { kind: 'heating', name: 'Auditorium radiators', room: 'r301', floor: null, make: 'Purmo', serial: null },
];

/**
 * The demo's tenants, units and installations, with a few inquiries: one answered and
 * commented on, one split into a child task, one just taken. Run once, on a new demo site.
 */
export async function seedDemoInquiries(store: SiteStore, commands: CommandHandler): Promise<void> {
  const admin = store.directory.user('admin')?.user;
  const desk = store.directory.user('rita')?.user;
  const worker = store.directory.user('ana')?.user;
  if (!admin || !desk || !worker) return;
  const boss = actorOf(admin);
  const made = { persons: [] as PersonRecord[], units: [] as Unit[], installations: [] as Installation[] };
  for (const unit of units) made.units.push(await commands.handle(boss, { directory: true }, { type: 'create-unit', unit }));
  for (const { unit, ...person } of persons) {
    made.persons.push(await commands.handle(boss, { directory: true }, { type: 'create-person', person: { ...person, unit: made.units[unit]!.id } }));
  }
  for (const installation of installations) made.installations.push(await commands.handle(boss, { directory: true }, { type: 'create-installation', installation }));
  // An announcement on floor 1's signs, QR pages and tenants' mail, for a month from the first start.
  const month = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  await commands.handle(boss, { announcements: true }, {
    type: 'create-announcement', targets: [{ kind: 'floor', floor: 1 }], expiresAt: month,
    title: { en: 'Lift maintenance on Friday', zh: '周五电梯维护', nb: 'Heisvedlikehold fredag', nl: 'Liftonderhoud op vrijdag' },
    text: {
      en: 'The east lift is out of service on Friday from 08:00 to 12:00. Please use the west lift.',
      zh: '周五 08:00 至 12:00 东侧电梯停用，请使用西侧电梯。',
      nb: 'Østheisen er ute av drift fredag fra 08:00 til 12:00. Bruk vestheisen.',
      nl: 'De oostlift is vrijdag van 08:00 tot 12:00 buiten gebruik. Gebruik de westlift.',
    },
  });
  const [lena, , mei, pieter] = made.persons;
  const reception = actorOf(desk);

  const noise = await commands.handle(reception, { room: 'r201' }, {
    type: 'open-inquiry', reporter: { person: lena!.id }, category: 'maintenance', priority: 'high',
    title: 'Boardroom door does not lock', description: 'Called at 9:10: the door controller beeps but the lock stays open.',
  });
  await commands.handle(reception, { ticket: noise.ticket.id }, { type: 'link-ticket', unit: made.units[0]!.id, installation: made.installations[2]!.id });
  await commands.handle(reception, { ticket: noise.ticket.id }, { type: 'reply', text: 'Thank you, Lena. A technician will look at the door controller today.' });
  await commands.handle(reception, { ticket: noise.ticket.id }, { type: 'comment', text: 'Salto service contract covers the controller; call them before noon.', internal: true });
  await commands.handle(boss, { ticket: noise.ticket.id }, { type: 'open-child', kind: 'task', title: 'Check door controller power', description: 'Check the supply and the reader.', assignee: 'dirk' });

  const heat = await commands.handle(reception, { room: 'r301' }, {
    type: 'open-inquiry', reporter: { person: mei!.id }, category: 'climate', priority: 'normal',
    title: 'Auditorium too cold in the morning', description: 'E-mail: the auditorium is cold until 10 every day this week.',
  });
  await commands.handle(reception, { ticket: heat.ticket.id }, { type: 'link-ticket', unit: made.units[1]!.id, installation: made.installations[3]!.id });
  await commands.handle(reception, { ticket: heat.ticket.id }, { type: 'reply', text: 'We have moved the heating schedule one hour earlier. Please tell us if it helps.' });

  await commands.handle(reception, { room: 'r102' }, {
    type: 'open-inquiry', reporter: { person: pieter!.id }, category: 'cleaning', priority: 'low',
    title: 'Extra cleaning after the workshop', description: 'Asks for an extra round in Fjord on Friday afternoon.',
  });
}
