import { describe, expect, it } from 'vitest';
import { aTicket } from '../test-support/domain-fixtures.ts';
import { deviceActor } from '../rights/actor.ts';
import { deviceIntent, singleButtonAction } from './device-intent.ts';

describe('what a device event asks for', () => {
  it('opens a cleaning request from a panel button unless another category is named', () => {
    expect(deviceIntent({ type: 'button', action: 'request_service' }, [])).toMatchObject({ kind: 'open', category: 'cleaning' });
    expect(deviceIntent({ type: 'button', action: 'request_service', category: 'av' }, [])).toMatchObject({ kind: 'open', category: 'av' });
  });

  it('approves or rejects the most recently finished job of the room', () => {
    const older = aTicket('done', { id: 'T-1', updatedAt: '2026-01-01T10:00:00.000Z' });
    const newer = aTicket('done', { id: 'T-2', updatedAt: '2026-01-01T11:00:00.000Z' });

    expect(deviceIntent({ type: 'button', action: 'approve' }, [older, newer])).toEqual({ kind: 'act', ticket: 'T-2', command: { type: 'approve' } });
    expect(deviceIntent({ type: 'button', action: 'reject', reason: 'Not cleaned' }, [older])).toEqual({ kind: 'act', ticket: 'T-1', command: { type: 'reject', reason: 'Not cleaned' } });
  });

  it('refuses a verdict when nothing waits for one, and a rejection without a reason', () => {
    expect(deviceIntent({ type: 'button', action: 'approve' }, [aTicket('in_progress')])).toMatchObject({ kind: 'deny', code: 'NOTHING_TO_VERIFY' });
    expect(deviceIntent({ type: 'button', action: 'reject' }, [aTicket('done')])).toMatchObject({ kind: 'deny', code: 'REASON_REQUIRED' });
  });

  it('gives door panels the panel role and every other device none that decides', () => {
    expect(deviceActor({ id: 'p', kind: 'gpio_panel', room: 'r1', revoked: false })).toMatchObject({ role: 'panel', room: 'r1', ref: 'device:p' });
    expect(deviceActor({ id: 's', kind: 'qr_stand', room: 'r1', revoked: false }).role).toBe('device');
  });

  it('lets a one-button panel approve a waiting job, else ask for service', () => {
    expect(singleButtonAction([aTicket('done')])).toBe('approve');
    expect(singleButtonAction([aTicket('assigned')])).toBe('request_service');
  });
});
