import { describe, expect, it } from 'vitest';
import { deviceActor } from '../rights/actor.ts';
import { deviceIntent, singleButtonAction } from './device-intent.ts';

const none = () => null;

describe('what a device event asks for', () => {
  it('opens a cleaning request from a panel button unless another category is named', () => {
    expect(deviceIntent({ type: 'button', action: 'request_service' }, none)).toMatchObject({ kind: 'open', category: 'cleaning' });
    expect(deviceIntent({ type: 'button', action: 'request_service', category: 'av' }, none)).toMatchObject({ kind: 'open', category: 'av' });
  });

  it('approves or rejects the finished job the room has waiting (the store picks the most recent)', () => {
    expect(deviceIntent({ type: 'button', action: 'approve' }, () => 'T-2')).toEqual({ kind: 'act', ticket: 'T-2', command: { type: 'approve' } });
    expect(deviceIntent({ type: 'button', action: 'reject', reason: 'Not cleaned' }, () => 'T-1')).toEqual({ kind: 'act', ticket: 'T-1', command: { type: 'reject', reason: 'Not cleaned' } });
  });

  it('looks for a waiting job only when a verdict is asked for', () => {
    let asked = 0;
    const waiting = () => { asked++; return 'T-1'; };
    deviceIntent({ type: 'button', action: 'request_service' }, waiting);
    deviceIntent({ type: 'scan', code: 'qr' }, waiting);
    expect(asked).toBe(0);
  });

  it('refuses a verdict when nothing waits for one, and a rejection without a reason', () => {
    expect(deviceIntent({ type: 'button', action: 'approve' }, none)).toMatchObject({ kind: 'deny', code: 'NOTHING_TO_VERIFY' });
    expect(deviceIntent({ type: 'button', action: 'reject' }, () => 'T-1')).toMatchObject({ kind: 'deny', code: 'REASON_REQUIRED' });
  });

  it('gives door panels the panel role and every other device none that decides', () => {
    expect(deviceActor({ id: 'p', kind: 'gpio_panel', room: 'r1', revoked: false })).toMatchObject({ role: 'panel', room: 'r1', ref: 'device:p' });
    expect(deviceActor({ id: 's', kind: 'qr_stand', room: 'r1', revoked: false }).role).toBe('device');
  });

  it('lets a one-button panel approve a waiting job, else ask for service', () => {
    expect(singleButtonAction('T-1')).toBe('approve');
    expect(singleButtonAction(null)).toBe('request_service');
  });
});
