import type {} from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { DomainError } from '../domain-error.ts';

export const BROWSER_COOKIE = 'ds_browser';

export interface ReportLimits {
  perBrowser: { max: number; windowMs: number };
  perQrCode: { max: number; windowMs: number };
}

export const defaultReportLimits: ReportLimits = {
  perBrowser: { max: 5, windowMs: 10 * 60_000 },
  perQrCode: { max: 30, windowMs: 60 * 60_000 },
};

export class TooManyReports extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(scope: string, retryAfterSeconds: number) {
    super(`too many reports from this ${scope}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Occupants on the building Wi-Fi share one NAT address, so an IP key would block a
 * whole floor: reports are limited per browser (the cookie the room page hands out,
 * else address + user agent) and per room QR code, so one sticker cannot flood the
 * queue either. Both counts are checked in one hook, browser first.
 */
export async function reportRateLimits(app: FastifyInstance, limits: ReportLimits = defaultReportLimits): Promise<onRequestHookHandler> {
  await app.register(rateLimit, { global: false });
  const browser = (request: FastifyRequest) =>
    request.cookies[BROWSER_COOKIE] ?? `${request.ip}|${request.headers['user-agent'] ?? ''}`;
  const qrCode = (request: FastifyRequest) => String((request.query as { k?: unknown }).k ?? '');
  const checks = ([['browser', browser, limits.perBrowser], ['room QR code', qrCode, limits.perQrCode]] as const).map(
    ([scope, key, { max, windowMs }]) => ({ scope, check: app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: (r) => `${scope}:${key(r)}` }) }),
  );
  return async (request) => {
    for (const { scope, check } of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) throw new TooManyReports(scope, Math.max(1, limit.ttlInSeconds));
    }
  };
}
