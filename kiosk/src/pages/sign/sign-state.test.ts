import { describe, expect, it } from 'vitest';
import type { Room } from '@doorside/edge/contracts';
import { evolveSign, initialSign, type SignInput } from './sign-state.ts';

const room = (id: string, status: Room['status']): Room =>
  ({ id, name: `Room ${id}`, floor: 1, zone: 'East', status, since: '2026-11-23T08:00:00.000Z', reason: '', ticket: null });
const replay = (inputs: SignInput[]) => inputs.reduce((s, i) => evolveSign('r102', s, i), initialSign);

describe('what the sign shows', () => {
  it('takes its room from the snapshot', () => {
    const inputs: SignInput[] = [{ kind: 'frame', frame: { kind: 'snapshot', rooms: [room('r101', 'do_not_use'), room('r102', 'available')] } }];

    const state = replay(inputs);

    expect(state).toEqual({ room: room('r102', 'available'), connection: 'live', denied: false, announcements: [] });
  });

  it('ignores status changes of other rooms', () => {
    const inputs: SignInput[] = [
      { kind: 'frame', frame: { kind: 'snapshot', rooms: [room('r102', 'available')] } },
      { kind: 'frame', frame: { kind: 'room', room: room('r101', 'do_not_use') } },
    ];

    const state = replay(inputs);

    expect(state.room?.status).toBe('available');
  });

  it('stays offline while it retries, until a snapshot arrives', () => {
    const inputs: SignInput[] = [
      { kind: 'frame', frame: { kind: 'snapshot', rooms: [room('r102', 'available')] } },
      { kind: 'connection', connection: 'offline', closeCode: 1006 },
      { kind: 'connection', connection: 'connecting' },
    ];

    const state = replay(inputs);

    expect(state.connection).toBe('offline');
    expect(state.room?.status).toBe('available');
  });

  it('counts a 4401 close as a refused link, not a network blip', () => {
    const inputs: SignInput[] = [{ kind: 'connection', connection: 'offline', closeCode: 4401 }];

    const state = replay(inputs);

    expect(state.denied).toBe(true);
  });

  it('is refused when the snapshot does not hold its room', () => {
    const inputs: SignInput[] = [{ kind: 'frame', frame: { kind: 'snapshot', rooms: [room('r101', 'available')] } }];

    const state = replay(inputs);

    expect(state).toMatchObject({ room: undefined, denied: true });
  });

  it('shows the room\'s announcements from the snapshot, puts up a new one first and takes down an ended one', () => {
    const words = (id: string, startsAt: string) => ({ id, title: { en: `T ${id}` }, text: { en: 'x' }, startsAt, until: '2026-11-24T08:00:00.000Z' });
    const older = words('A-older01', '2026-11-23T07:00:00.000Z');
    const newer = words('A-newer01', '2026-11-23T09:00:00.000Z');
    const elsewhere = words('A-other01', '2026-11-23T10:00:00.000Z');
    const inputs: SignInput[] = [
      { kind: 'frame', frame: { kind: 'snapshot', rooms: [room('r102', 'available')], announcements: [older] } },
      { kind: 'frame', frame: { kind: 'announcement', announcement: newer, live: true, rooms: ['r101', 'r102'] } },
      { kind: 'frame', frame: { kind: 'announcement', announcement: elsewhere, live: true, rooms: ['r101'] } },
    ];

    const shown = replay(inputs);
    const after = replay([...inputs, { kind: 'frame', frame: { kind: 'announcement', announcement: newer, live: false, rooms: ['r101', 'r102'] } }]);

    expect(shown.announcements.map((a) => a.id)).toEqual(['A-newer01', 'A-older01']);
    expect(after.announcements.map((a) => a.id)).toEqual(['A-older01']);
  });
});
