import { describe, expect, it } from 'vitest';
import type { ReviewTicket } from '@doorside/edge/review-contracts';
import { translator } from '../i18n/translator.ts';
import { serviceEvidence, timeSpent } from './service-evidence.ts';

const step = (at: string, action: string, note?: string) => ({ at, action, ...(note ? { note } : {}) });
const photo = (id: string, at: string, by: string) => ({ id, at, by });

const reworked: ReviewTicket = {
  id: 'T-1001', category: 'cleaning', status: 'done', room: 'r102', title: 'Cleaning', description: 'Bins overflowing', assignee: 'ana',
  history: [
    step('2026-12-01T09:00:00Z', 'report'), step('2026-12-01T09:10:00Z', 'start'), step('2026-12-01T09:20:00Z', 'complete', 'First go'),
    step('2026-12-01T09:30:00Z', 'reject'), step('2026-12-01T10:00:00Z', 'start'), step('2026-12-01T11:05:00Z', 'complete', 'Done properly'),
  ],
  attachments: [
    photo('A-occupant01', '2026-12-01T09:00:00Z', 'occupant'), photo('A-firstgo01', '2026-12-01T09:19:00Z', 'user:ana'),
    photo('A-panel0001', '2026-12-01T09:30:00Z', 'panel:r102'), photo('A-second001', '2026-12-01T11:04:00Z', 'user:ana'),
  ],
  rejections: [{ photos: ['A-panel0001'] }],
};

describe('the before and after of a finished service', () => {
  it('takes the last round of work: its note, its photos and the time from its start to its completion', () => {
    const evidence = serviceEvidence(reworked);

    expect(evidence).toMatchObject({ description: 'Bins overflowing', note: 'Done properly', minutes: 65 });
    expect([evidence.before.map((a) => a.id), evidence.after.map((a) => a.id)]).toEqual([['A-occupant01'], ['A-second001']]);
  });

  it('says the time in each language with its plural rules', () => {
    const said = [[translator('en'), 1], [translator('en'), 65], [translator('nb'), 120], [translator('nl'), 2], [translator('zh'), 5]] as const;

    expect(said.map(([speak, minutes]) => timeSpent(speak, minutes))).toEqual([
      'Time spent: 1 minute', 'Time spent: 1 hour 5 minutes', 'Tidsbruk: 2 timer', 'Bestede tijd: 2 minuten', '用时：5 分钟',
    ]);
  });
});
