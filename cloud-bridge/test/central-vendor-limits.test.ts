import { describe, expect, it } from 'vitest';
import { call, centralHarness } from './support/central-harness.ts';

describe('the vendor\'s link at the central server under load', () => {
  const harness = centralHarness('sqlite');

  it('answers 429 RATE_LIMITED past the address limit and past the steps one link may send, and changes nothing', async () => {
    const central = await harness.start({ vendorLimits: { perAddress: { max: 5, windowMs: 60_000 }, stepsPerLink: { max: 2, windowMs: 60_000 } } });
    const token = 'A'.repeat(22);

    const reads = [];
    for (let i = 0; i < 6; i++) reads.push(await call(central, 'GET', `/api/wo/${token}`));

    expect(reads.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 429]);
    expect(reads[5]!.body).toMatchObject({ error: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('counts a link\'s steps apart from other links', async () => {
    const central = await harness.start({ vendorLimits: { perAddress: { max: 100, windowMs: 60_000 }, stepsPerLink: { max: 2, windowMs: 60_000 } } });

    const one = [];
    for (let i = 0; i < 3; i++) one.push(await call(central, 'POST', `/api/wo/${'B'.repeat(22)}/accept`, { body: {} }));
    const other = await call(central, 'POST', `/api/wo/${'C'.repeat(22)}/accept`, { body: {} });

    expect(one.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(other.status).toBe(404);
  });
});
