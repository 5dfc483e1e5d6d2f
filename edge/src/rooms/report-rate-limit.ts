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
  readonly kind = 'locked';
  constructor(scope: string, retryAfterSeconds: number) {
    super(`too many reports from this ${scope}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Occupants on the building Wi-Fi share one NAT address, so an IP key would block a
 * whole floor: reports are limited per browser (a cookie, else address + user agent)
 * and per room QR code, so one sticker cannot flood the queue either.
 */
export async function reportRateLimits(app: FastifyInstance, limits: ReportLimits = defaultReportLimits): Promise<onRequestHookHandler[]> {
  await app.register(rateLimit, { global: false });
  const browser = (request: FastifyRequest) =>
    request.cookies[BROWSER_COOKIE] ?? `${request.ip}|${request.headers['user-agent'] ?? ''}`;
  const qrCode = (request: FastifyRequest) => String((request.query as { k?: unknown }).k ?? '');
  const limiter = (scope: string, key: (r: FastifyRequest) => string, { max, windowMs }: { max: number; windowMs: number }) =>
    app.rateLimit({
      max, timeWindow: windowMs, keyGenerator: (r) => `${scope}:${key(r)}`,
      errorResponseBuilder: (_request, context) => new TooManyReports(scope, Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  return [limiter('browser', browser, limits.perBrowser), limiter('room QR code', qrCode, limits.perQrCode)];
}
