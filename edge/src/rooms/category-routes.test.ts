import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';

describe('GET /api/categories', () => {
  let gw: TestGateway;

  beforeAll(async () => { gw = await startTestGateway(); });
  afterAll(async () => { await gw.stop(); });

  it('gives a door panel each category with its rejection reasons', async () => {
    const cookie = await gw.panelLogin('r102');

    const res = await gw.call('GET', '/api/categories', { cookie });

    expect(res.status).toBe(200);
    expect(res.body.categories).toContainEqual(expect.objectContaining({
      id: 'cleaning', name: 'Cleaning', allowFreeTextReason: true,
      rejectionReasons: ['Not cleaned', 'Partially cleaned', 'Supplies not refilled', 'Waste not removed', 'Damage during cleaning'],
      names: expect.objectContaining({ zh: expect.any(String), nb: expect.any(String), nl: expect.any(String) }),
    }));
  });

  it('asks for a session first', async () => {
    const anonymous = {};

    const res = await gw.call('GET', '/api/categories', anonymous);

    expect(res.status).toBe(401);
  });
});
