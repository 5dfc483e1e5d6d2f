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

    expect(state).toEqual({ room: room('r102', 'available'), connection: 'live', denied: false });
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
});
