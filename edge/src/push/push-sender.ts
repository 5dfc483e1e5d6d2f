import webpush from 'web-push';
import type { CommandHandler } from '../commands/handler.ts';
import type { Change, PushMessage } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import type { PublicAddress } from '../http/public-address.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { tenantPushesFor } from './tenant-pushes.ts';
import type { VapidKeys } from './vapid-keys.ts';

/** The language a staff member reads their pushes in: the one their user record names, else English. */
const languageOf = (store: SiteStore, user: string): PushMessage['language'] => store.directory.user(user)?.user.language ?? 'en';

/** Whom a committed change is pushed to among staff, and what it says: a job given to someone, their work rejected, a breached service level escalated to them. */
export function pushesFor(change: Change, store: SiteStore, links: PublicAddress): { owner: string; message: PushMessage }[] {
  if (change.entity === 'sla-escalation') {
    const ticket = store.tickets.get(change.state.ticket);
    const url = `${links.base}/dashboard`;
    return change.state.notified.map((user) => ({
      owner: `user:${user}`, message: { code: 'sla-breached', ticket: change.state.ticket, title: ticket?.title ?? change.state.ticket, url, language: languageOf(store, user) },
    }));
  }
  if (change.entity !== 'ticket' || !change.state.assignee) return [];
  const t = change.state;
  const url = `${links.base}/staff`;
  const language = languageOf(store, change.state.assignee);
  if (change.type === 'ticket-assigned' || change.type === 'ticket-transferred') {
    return [{ owner: `user:${t.assignee}`, message: { code: 'job-assigned', ticket: t.id, title: t.title, url, language } }];
  }
  if (change.type === 'ticket-rejected') return [{ owner: `user:${t.assignee}`, message: { code: 'work-rejected', ticket: t.id, title: t.title, url, language } }];
  return [];
}

/**
 * Sends Web Push after the commit (RFC 8291 aes128gcm, VAPID) to each subscription of the
 * person a change concerns. A push service that answers 404 or 410 says the subscription is
 * gone: it is removed through the command path.
 */
export function startPushSender(o: { store: SiteStore; commands: CommandHandler; keys: VapidKeys; links: PublicAddress; subject: string; agent?: import('node:https').Agent; onError?: (e: unknown) => void; onSent?: () => void }): () => void {
  const send = async (owner: string, message: PushMessage) => {
    for (const s of o.store.push.of(owner)) {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(message), {
          vapidDetails: { subject: o.subject, publicKey: o.keys.publicKey, privateKey: o.keys.privateKey }, TTL: 3600, contentEncoding: 'aes128gcm', ...(o.agent ? { agent: o.agent } : {}),
        });
        o.onSent?.();
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) {
          await o.commands.handle(systemActor, { pushOwner: owner }, { type: 'unsubscribe-push', endpoint: s.endpoint })
            .catch((e: unknown) => { if (!(e instanceof DomainError)) o.onError?.(e); });
        } else o.onError?.(error);
      }
    }
  };
  return o.store.onCommit(({ changes }) => {
    for (const change of changes) {
      for (const { owner, message } of [...pushesFor(change, o.store, o.links), ...tenantPushesFor(change, o.store, o.links)]) void send(owner, message);
    }
  });
}
