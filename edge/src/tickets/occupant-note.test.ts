import { describe, expect, it } from 'vitest';
import { T1, aTicket, anAttachment, thrownBy } from '../test-support/domain-fixtures.ts';
import { addOccupantNote, NotOpenToOccupants } from './occupant-note.ts';

describe("an occupant adding to a room's open report", () => {
  it('adds a public note by the occupant and the photo', () => {
    const photo = anAttachment('A-photo0001');

    const change = addOccupantNote({ ticket: aTicket('assigned'), listed: true, text: 'It is leaking again', attachments: [photo], at: T1 });

    expect(change.type).toBe('ticket-commented');
    expect(change.state).toMatchObject({ updatedAt: T1, notes: [{ at: T1, by: 'occupant', text: 'It is leaking again', internal: false }], attachments: [photo] });
  });

  it('is refused for a ticket the room does not list to its visitors', () => {
    const error = thrownBy(() => addOccupantNote({ ticket: aTicket('assigned'), listed: false, text: 'Me too', attachments: [], at: T1 }));

    expect(error).toBeInstanceOf(NotOpenToOccupants);
  });

  it('is refused once the ticket would hold more than thirty attachments', () => {
    const full = aTicket('assigned', { attachments: Array.from({ length: 30 }, (_, i) => anAttachment(`A-photo${String(i).padStart(4, '0')}`)) });

    const error = thrownBy(() => addOccupantNote({ ticket: full, listed: true, text: 'One more', attachments: [anAttachment('A-photo9999')], at: T1 }));

    expect(error).toMatchObject({ code: 'TOO_MANY_ATTACHMENTS' });
  });
});
