import { Refusal } from '../domain-error.ts';

/**
 * Why a vendor's POST is refused for its content type, or null. A form posted from another
 * site carries the link's cookie only as url-encoded, text or multipart: an action is JSON, and
 * multipart only where files are taken (`/files`, `/done`). Site and central server alike.
 */
export function vendorPostTypeRefusal(method: string, url: string, contentType: string | undefined): Refusal | null {
  if (method !== 'POST') return null;
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const files = url.endsWith('/files') || url.endsWith('/done');
  if (type === 'application/json' || (type === 'multipart/form-data' && files)) return null;
  return new Refusal('JSON_REQUIRED', 'a vendor action is sent as application/json (multipart/form-data with files)', { contentType: type || null });
}
