import { z } from 'zod';

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export const PushSubscriptionBody = z.strictObject({
  endpoint: z.url().max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/), auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/) }),
});
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;
export const PushEndpointBody = z.strictObject({ endpoint: z.url().max(1000) });
export const PushKey = z.object({ publicKey: z.string() });
export const PushState = z.object({ subscribed: z.boolean() });

/** What a push message carries: a code and parameters the service worker puts in words, and where a tap leads. */
export const PushMessage = z.object({
  /** Staff: a job given to them, their work rejected, a breached service level escalated to them. Tenants: a reply to their request, or its new status. */
  code: z.enum(['job-assigned', 'work-rejected', 'sla-breached', 'request-replied', 'request-status']),
  ticket: z.string(),
  title: z.string(),
  url: z.string(),
  /** On `request-status`: the request's new status, for the words. */
  status: z.string().optional(),
  /** The reader's own language (a staff member's user record, a tenant's directory entry): the service worker words the push in it. */
  language: z.enum(['en', 'zh', 'nb', 'nl']),
});
export type PushMessage = z.infer<typeof PushMessage>;
