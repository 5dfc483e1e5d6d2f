import { type KeyObject, verify } from 'node:crypto';
import { NoticeRefused } from './notice-refused.ts';
import { header, type NoticeRequest } from './provider.ts';

/** A notice older or newer than this is refused, so a captured one cannot be replayed later. */
export const NOTICE_WINDOW_MS = 5 * 60_000;

/**
 * WeChat Pay v3's signature scheme (the simulated provider signs the same way under its own
 * header names): SHA256withRSA over `timestamp\nnonce\nbody\n`, the key picked by the serial
 * header, which names a platform certificate or a `PUB_KEY_ID_…` public key.
 */
export function verifySignedHeaders(
  request: NoticeRequest, now: Date, names: { prefix: string; provider: string }, keys: ReadonlyMap<string, KeyObject>,
): void {
  const at = header(request, `${names.prefix}-Timestamp`);
  const nonce = header(request, `${names.prefix}-Nonce`);
  const signature = header(request, `${names.prefix}-Signature`);
  const serial = header(request, `${names.prefix}-Serial`);
  if (!at || !nonce || !signature || !serial || !/^\d{1,12}$/.test(at)) throw new NoticeRefused('MISSING_HEADERS', names.provider);
  const key = keys.get(serial);
  if (!key) throw new NoticeRefused('UNKNOWN_SERIAL', names.provider);
  if (Math.abs(now.getTime() - Number(at) * 1000) > NOTICE_WINDOW_MS) throw new NoticeRefused('STALE_TIMESTAMP', names.provider);
  const message = Buffer.from(`${at}\n${nonce}\n${request.body}\n`, 'utf8');
  let ok = false;
  try { ok = verify('sha256', message, key, Buffer.from(signature, 'base64')); } catch { ok = false; }
  if (!ok) throw new NoticeRefused('BAD_SIGNATURE', names.provider);
}
