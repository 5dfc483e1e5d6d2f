import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportCreated } from '../src/contracts/index.ts';
import { OccupantRoomView, ReportReceipt } from '../src/contracts/occupant.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const api = (room: string) => new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);

describe('the occupant page\'s light contract', () => {
  it('reads the room view the gateway sends for a QR code', async () => {
    const url = api('r102');

    const res = await gw.call('GET', `/api/rooms/r102/public?k=${url.searchParams.get('k')}`);

    expect(res.status).toBe(200);
    expect(OccupantRoomView.parse(res.body)).toMatchObject({ id: 'r102', status: 'available' });
  });

  it('finds the ticket id and tracking token in every answer to a report, which stays the whole ReportCreated', async () => {
    const url = api('r102');

    const res = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Towels are out' } });

    expect(res.status).toBe(201);
    const full = ReportCreated.parse(res.body);
    expect(ReportReceipt.parse(res.body)).toMatchObject({ ticket: { id: full.ticket.id }, trackToken: full.trackToken });
  });

  it('refuses an answer whose tracking token is not one', () => {
    const parsed = ReportReceipt.safeParse({ ticket: { id: 'T-1001' }, trackToken: 'short' });

    expect(parsed.success).toBe(false);
  });
});
