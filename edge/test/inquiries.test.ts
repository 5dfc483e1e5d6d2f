import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const REPLY = 'We have booked the lift technician for Thursday';
const COMMENT = 'Technician invoice goes to the landlord, not the tenant';

/** Inquiries over HTTP: taken by hand, linked, answered, split into child tasks; replies reach the reporter, comments never. */
describe('inquiries', () => {
  let gw: TestGateway;
  let staff: string;
  let supervisor: string;
  let person: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    staff = await gw.login('ana');
    supervisor = await gw.login('sofia');
    person = (await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'Lena Brandt', email: 'lena@nordlys.example', notifyByEmail: true } })).body.id;
  });
  afterAll(async () => { await gw.stop(); });

  const inquiry = async (reporter: unknown = { person }) => {
    const res = await gw.call('POST', '/api/inquiries', { cookie: staff, body: { reporter, room: 'r201', category: 'cleaning', title: 'Lift noise', description: 'Called about a grinding lift', priority: 'high' } });
    expect(res.status).toBe(201);
    return res.body as { ticket: { id: string; kind: string; reporter: { kind: string; id: string }; links: unknown }; trackToken: string; trackUrl: string };
  };

  it('is taken by hand for a known person or a new contact, with a tracking link', async () => {
    const known = await inquiry();
    expect(known.ticket).toMatchObject({ kind: 'inquiry', priority: 'high', reporter: { kind: 'person', id: person, contact: 'lena@nordlys.example' }, links: { persons: [person], unit: null, installation: null } });
    expect(known.trackUrl).toContain(`/track/${known.trackToken}`);

    const fresh = await inquiry({ name: 'Piet de Boer', phone: '+31 20 555 0101' });
    const persons = (await gw.call('GET', '/api/persons', { cookie: staff })).body.persons as Array<{ id: string; name: string; phone: string | null }>;
    expect(persons.find((p) => p.id === fresh.ticket.reporter.id)).toMatchObject({ name: 'Piet de Boer', phone: '+31 20 555 0101' });
  });

  it('refuses the anonymous, and bad input with 400 and a reason', async () => {
    const { ticket } = await inquiry();
    expect((await gw.call('POST', '/api/inquiries', { body: { reporter: { person }, room: 'r201', category: 'cleaning', title: 'x', description: 'y' } })).status).toBe(401);
    expect((await gw.call('POST', `/api/tickets/${ticket.id}/reply`, { body: { text: 'hi' } })).status).toBe(401);
    expect((await gw.call('POST', `/api/tickets/${ticket.id}/links`, { body: { persons: [] } })).status).toBe(401);
    expect((await gw.call('POST', `/api/tickets/${ticket.id}/children`, { body: { kind: 'task', title: 'x', description: 'y' } })).status).toBe(401);
    const bad: Array<[string, unknown, string]> = [
      ['/api/inquiries', { reporter: { person: 'P-missing1' }, room: 'r201', category: 'cleaning', title: 'x', description: 'y' }, 'UNKNOWN_PERSON'],
      ['/api/inquiries', { reporter: { name: '' }, room: 'r201', category: 'cleaning', title: 'x', description: 'y' }, 'INVALID'],
      ['/api/inquiries', { reporter: { person }, room: 'r201', category: 'nope', title: 'x', description: 'y' }, 'UNKNOWN_CATEGORY'],
      [`/api/tickets/${ticket.id}/reply`, { text: '   ' }, 'INVALID'],
      [`/api/tickets/${ticket.id}/reply`, { text: 'See photo', attachments: ['A-notthere123'] }, 'UNKNOWN_ATTACHMENT'],
      [`/api/tickets/${ticket.id}/links`, {}, 'INVALID'],
      [`/api/tickets/${ticket.id}/links`, { persons: ['P-missing1'] }, 'UNKNOWN_PERSON'],
      [`/api/tickets/${ticket.id}/links`, { unit: 'U-missing1' }, 'UNKNOWN_UNIT'],
      [`/api/tickets/${ticket.id}/links`, { installation: 'bad id' }, 'INVALID'],
      [`/api/tickets/${ticket.id}/children`, { kind: 'report', title: 'x', description: 'y' }, 'INVALID'],
      [`/api/tickets/${ticket.id}/children`, { kind: 'task', title: 'x', description: 'y', team: 'nope' }, 'UNKNOWN_TEAM'],
      [`/api/tickets/${ticket.id}/children`, { kind: 'task', title: 'x', description: 'y', team: 'av', assignee: 'chen' }, 'INVALID'],
    ];
    for (const [path, body, code] of bad) {
      const res = await gw.call('POST', path, { cookie: supervisor, body });
      expect({ path, body, status: res.status, error: res.body.error }).toEqual({ path, body, status: 400, error: code });
    }
    const task = await gw.call('POST', '/api/tickets', { cookie: staff, body: { kind: 'task', category: 'cleaning', room: 'r201', description: 'Mop' } });
    expect((await gw.call('POST', `/api/tickets/${task.body.id}/children`, { cookie: staff, body: { kind: 'task', title: 'x', description: 'y' } })).body.error).toBe('NOT_AN_INQUIRY');
  });

  it('opens child tasks, shows their progress and offers to close once all are done', async () => {
    const { ticket } = await inquiry();
    const body = { kind: 'task', title: 'Check lift rails', description: 'Grinding noise', assignee: 'ana' };
    // Giving work to someone is the assign right's: staff open child tasks for a team, supervisors may name the person.
    expect((await gw.call('POST', `/api/tickets/${ticket.id}/children`, { cookie: staff, body })).body.error).toBe('NOT_PERMITTED');
    const child = await gw.call('POST', `/api/tickets/${ticket.id}/children`, { cookie: supervisor, body });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ kind: 'task', parent: ticket.id, assignee: 'ana', status: 'assigned', links: { persons: [person] } });
    const before = await gw.call('GET', `/api/tickets/${ticket.id}/children`, { cookie: staff });
    expect(before.body).toMatchObject({ total: 1, done: 0, mayClose: false, children: [{ id: child.body.id, stage: 'todo' }] });
    await gw.call('POST', `/api/tickets/${child.body.id}/start`, { cookie: staff });
    expect((await gw.call('GET', `/api/tickets/${ticket.id}/children`, { cookie: staff })).body.children[0].stage).toBe('in_progress');
    await gw.call('POST', `/api/tickets/${child.body.id}/complete`, { cookie: staff });
    expect((await gw.call('GET', `/api/tickets/${ticket.id}/children`, { cookie: staff })).body).toMatchObject({ total: 1, done: 1, mayClose: true });
  });

  describe('a reply and a comment', () => {
    let id: string;
    let token: string;
    const frames: Array<{ type?: string; entity?: string; state?: any }> = [];
    let socket: WebSocket;

    beforeAll(async () => {
      socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws`, { headers: { cookie: staff } });
      socket.on('message', (data) => frames.push(JSON.parse(String(data))));
      await new Promise((resolve) => socket.once('open', resolve));
      const made = await inquiry();
      id = made.ticket.id;
      token = made.trackToken;
      expect((await gw.call('POST', `/api/tickets/${id}/reply`, { cookie: staff, body: { text: REPLY } })).status).toBe(200);
      expect((await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: staff, body: { text: COMMENT, internal: true } })).status).toBe(200);
    });
    afterAll(() => socket.close());

    const replies = (t: { history: Array<{ visibility?: string; note?: string }> }) => t.history.filter((h) => h.visibility === 'reporter').map((h) => h.note);
    const notes = (t: { notes: Array<{ text: string }> }) => t.notes.map((n) => n.text);

    it('keeps them apart on the ticket read and the list', async () => {
      const one = (await gw.call('GET', `/api/tickets/${id}`, { cookie: staff })).body;
      expect(replies(one)).toEqual([REPLY]);
      expect(notes(one)).toEqual([COMMENT]);
      const listed = (await gw.call('GET', '/api/tickets?kind=inquiry', { cookie: supervisor })).body.tickets.find((t: { id: string }) => t.id === id);
      expect(replies(listed)).toEqual([REPLY]);
      expect(notes(listed)).toEqual([COMMENT]);
    });

    it('shows the reply on the tracking link and never the comment', async () => {
      const view = await gw.call('GET', `/api/track/${token}`);
      expect(view.status).toBe(200);
      expect(view.body.replies.map((r: { text: string }) => r.text)).toEqual([REPLY]);
      expect(JSON.stringify(view.body)).not.toContain('landlord');
    });

    it('sends a ticket-replied event on the live feed, the reply apart from the comment', async () => {
      await expect.poll(() => frames.some((f) => f.type === 'ticket-replied' && f.entity === `ticket:${id}`)).toBe(true);
      const replied = frames.find((f) => f.type === 'ticket-replied' && f.entity === `ticket:${id}`)!;
      expect(replies(replied.state)).toEqual([REPLY]);
      expect(notes(replied.state)).toEqual([]);
      await expect.poll(() => frames.some((f) => f.type === 'ticket-commented' && f.entity === `ticket:${id}`)).toBe(true);
    });

    it('ships the reply as its own event in the log the bridge sends on', async () => {
      const logged = gw.store.db.prepare("SELECT type, state FROM events WHERE entity = ? ORDER BY seq").all(`ticket:${id}`) as Array<{ type: string; state: string }>;
      expect(logged.map((e) => e.type)).toEqual(['ticket-opened', 'ticket-replied', 'ticket-commented']);
      const last = JSON.parse(logged.at(-1)!.state);
      expect(replies(last)).toEqual([REPLY]);
      expect(last.notes).toEqual([expect.objectContaining({ text: COMMENT, internal: true })]);
    });
  });
});
