import type { Category, Names, Role, Team } from '../contracts/index.ts';
import { namesOf } from './demo-names.ts';

/** The demo site: a three-floor office with the usual service teams. Secrets are made at first start. */

const teams: Team[] = [
  { id: 'cleaning', name: 'Cleaning', supervisor: 'sofia' },
  { id: 'av', name: 'Audio-visual', supervisor: 'sofia' },
  { id: 'maintenance', name: 'Maintenance', supervisor: 'marco' },
  { id: 'facility', name: 'Facility', supervisor: 'marco' },
  { id: 'security', name: 'Security', supervisor: 'marco' },
];

export const demoUsers: { id: string; name: string; role: Role; teams: string[]; email?: string; language?: 'en' | 'zh' | 'nb' | 'nl' }[] = [
  { id: 'ana', name: 'Ana Costa', role: 'staff', teams: ['cleaning'] },
  { id: 'ben', name: 'Ben Okafor', role: 'staff', teams: ['cleaning'] },
  { id: 'chen', name: 'Chen Wei', role: 'staff', teams: ['av'], language: 'zh' },
  { id: 'dirk', name: 'Dirk de Vries', role: 'staff', teams: ['maintenance'] },
  { id: 'eva', name: 'Eva Lind', role: 'staff', teams: ['facility'] },
  { id: 'femi', name: 'Femi Adeyemi', role: 'staff', teams: ['security'] },
  { id: 'sofia', name: 'Sofia Berg', role: 'supervisor', teams: ['cleaning', 'av'] },
  { id: 'marco', name: 'Marco Rossi', role: 'supervisor', teams: ['maintenance', 'facility', 'security'], email: 'marco.rossi@facility.example' },
  { id: 'fiona', name: 'Fiona Hale', role: 'floor_manager', teams: [] },
  { id: 'rita', name: 'Rita Jansen', role: 'reception', teams: [] },
  { id: 'hanna', name: 'Hanna Nilsen', role: 'facility_head', teams: ['facility'], email: 'hanna.nilsen@facility.example' },
  { id: 'admin', name: 'Site Administrator', role: 'admin', teams: [] },
  { id: 'liftco', name: 'LiftCo Service (vendor)', role: 'vendor', teams: [] },
];

const rooms: { id: string; name: string; floor: number; zone: string; alternative?: string }[] = [
  { id: 'r101', name: 'Reception Lounge', floor: 1, zone: 'Lobby' },
  { id: 'r102', name: 'Meeting Room Fjord', floor: 1, zone: 'East wing', alternative: 'r202' },
  { id: 'r103', name: 'Meeting Room Delta', floor: 1, zone: 'East wing' },
  { id: 'r104', name: 'Restroom 1', floor: 1, zone: 'Lobby' },
  { id: 'r105', name: 'Kitchen 1', floor: 1, zone: 'West wing' },
  { id: 'r201', name: 'Boardroom', floor: 2, zone: 'North' },
  { id: 'r202', name: 'Meeting Room Tulip', floor: 2, zone: 'North' },
  { id: 'r203', name: 'Focus Room A', floor: 2, zone: 'South' },
  { id: 'r204', name: 'Restroom 2', floor: 2, zone: 'South' },
  { id: 'r205', name: 'Open Office North', floor: 2, zone: 'North' },
  { id: 'r301', name: 'Auditorium', floor: 3, zone: 'Conference' },
  { id: 'r302', name: 'Meeting Room Lotus', floor: 3, zone: 'Conference', alternative: 'r202' },
  { id: 'r303', name: 'Quiet Room', floor: 3, zone: 'Wellbeing' },
  { id: 'r304', name: 'Restroom 3', floor: 3, zone: 'Wellbeing', alternative: 'r204' },
  { id: 'r305', name: 'Kitchen 3', floor: 3, zone: 'Conference' },
];

const sla = (low: number, normal: number, high: number, urgent: number) => ({ low, normal, high, urgent });

const categories: Category[] = [
  {
    id: 'cleaning', name: 'Cleaning', team: 'cleaning', holdsRoom: true, slaMinutes: sla(480, 120, 60, 30),
    rejectionReasons: ['Not cleaned', 'Partially cleaned', 'Supplies not refilled', 'Waste not removed', 'Damage during cleaning'],
    allowFreeTextReason: true,
    rejection: { route: 'return', followUp: true, roomStatus: 'pending_recovery', notify: [] },
    occupantsMayDispute: true,
  },
  {
    id: 'av', name: 'Audio-visual', team: 'av', holdsRoom: false, slaMinutes: sla(1440, 240, 60, 15),
    rejectionReasons: ['Setup missing', 'Equipment not working', 'Wrong configuration', 'No response'],
    allowFreeTextReason: true,
    rejection: { route: 'escalate', followUp: false, roomStatus: null, notify: [] },
    occupantsMayDispute: true,
  },
  {
    id: 'maintenance', name: 'Maintenance', team: 'maintenance', holdsRoom: true, slaMinutes: sla(2880, 480, 120, 60),
    rejectionReasons: ['Not repaired', 'Safety hazard remains', 'Work area left unsafe', 'No-show'],
    allowFreeTextReason: true,
    rejection: { route: 'escalate', followUp: true, roomStatus: 'do_not_use', notify: ['facility', 'security'] },
    occupantsMayDispute: true,
  },
  {
    id: 'supplies', name: 'Supplies', team: 'facility', holdsRoom: false, slaMinutes: sla(1440, 240, 120, 60),
    rejectionReasons: ['Not refilled', 'Wrong item'], allowFreeTextReason: true,
    rejection: { route: 'return', followUp: false, roomStatus: null, notify: [] },
    occupantsMayDispute: true,
  },
  {
    id: 'climate', name: 'Heating and air', team: 'maintenance', holdsRoom: false, slaMinutes: sla(1440, 240, 120, 60),
    rejectionReasons: ['Still too hot', 'Still too cold', 'Still noisy'], allowFreeTextReason: true,
    rejection: { route: 'escalate', followUp: true, roomStatus: null, notify: ['facility'] },
    occupantsMayDispute: true,
  },
  {
    id: 'devices', name: 'Signs and panels', team: 'facility', holdsRoom: false, slaMinutes: sla(1440, 240, 120, 60),
    rejectionReasons: ['Still offline', 'Shows the wrong room'], allowFreeTextReason: true,
    rejection: { route: 'return', followUp: false, roomStatus: null, notify: [] },
    // Whether a sign or a lock really works is for staff to judge, not the room's visitors.
    occupantsMayDispute: false,
  },
  {
    id: 'security', name: 'Security', team: 'security', holdsRoom: false, slaMinutes: sla(240, 60, 30, 10),
    rejectionReasons: ['Door still not locking', 'No response'], allowFreeTextReason: true,
    rejection: { route: 'escalate', followUp: true, roomStatus: null, notify: ['facility'] },
    occupantsMayDispute: false,
  },
];

export const demoTeams: Team[] = teams.map((t) => ({ ...t, names: namesOf(t.name) }));

export const demoRooms: { id: string; name: string; floor: number; zone: string; alternative?: string; names: Names; zoneNames: Names }[] =
  rooms.map((r) => ({ ...r, names: namesOf(r.name), zoneNames: namesOf(r.zone) }));

export const demoCategories: Category[] = categories.map((c) => ({
  ...c, names: namesOf(c.name), reasonNames: Object.fromEntries(c.rejectionReasons.map((r) => [r, namesOf(r)])),
}));
