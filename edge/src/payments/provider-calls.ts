import type { CommandHandler } from '../commands/handler.ts';
import type { PaymentView } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Providers } from './provider.ts';
import { ProviderRefused } from './provider-errors.ts';

export interface ProviderCalls {
  commands: CommandHandler;
  providers: Providers;
  /** Where providers send notices, without the provider's name. */
  notifyUrl: () => string;
  clock: () => string;
}

/**
 * A payment asked of a real provider is opened there, after the payment's row is committed:
 * what the provider answers (where the payer pays) is recorded by a command of the gateway.
 * A payment opened already, paid, or with a provider that needs no call is left as it is.
 */
export async function openAtProvider(calls: ProviderCalls, view: PaymentView, description: string): Promise<PaymentView> {
  const { payment } = view;
  const provider = calls.providers.get(payment.provider);
  if (!provider?.open || payment.status !== 'pending' || payment.payAt) return view;
  const { payAt } = await provider.open(payment, { notifyUrl: calls.notifyUrl(), description, now: new Date(calls.clock()) });
  return calls.commands.handle(systemActor, { payment: payment.id }, { type: 'record-pay-link', payAt });
}

/**
 * Refunds through the provider that took the money: a refund the ledger made as `requested`
 * (cancelling a paid order makes one too) is asked of the provider after its commit, and the
 * answer is recorded as a command: done, still under way, or refused. A provider that cannot
 * be reached leaves the refund requested, for a person to see.
 */
export function startProviderRefunds(store: SiteStore, calls: ProviderCalls, onError: (error: unknown) => void): () => void {
  let stopped = false;
  const unsubscribe = store.onCommit(({ changes }) => {
    for (const change of changes) {
      if (change.entity !== 'refund' || change.type !== 'refund-made' || change.state.status !== 'requested') continue;
      const refund = change.state;
      const payment = store.payments.get(refund.payment);
      const provider = payment && calls.providers.get(payment.provider);
      if (!payment || !provider?.refund) continue;
      setImmediate(async () => {
        if (stopped || !store.isOpen) return;
        try {
          const answer = await provider.refund!(payment, refund, { notifyUrl: calls.notifyUrl(), now: new Date(calls.clock()) });
          if (stopped || !store.isOpen) return;
          await calls.commands.handle(systemActor, { refund: refund.id }, { type: 'record-refund-answer', outcome: answer.outcome, ...(answer.reference ? { reference: answer.reference } : {}) });
        } catch (error) {
          if (error instanceof ProviderRefused && !stopped && store.isOpen) {
            const failure = String((error.details as { code?: string }).code ?? 'REFUSED');
            await calls.commands.handle(systemActor, { refund: refund.id }, { type: 'record-refund-answer', outcome: 'failed', failure }).catch(onError);
          } else if (!(error instanceof DomainError) || error.code !== 'REFUND_ANSWERED') {
            onError(error);
          }
        }
      });
    }
  });
  return () => { stopped = true; unsubscribe(); };
}

/**
 * Follows refunds under way at their provider: each tick takes the refunds whose check is due
 * (rows, so a restart misses nothing), asks the provider how each stands, and records what it
 * said by `record-refund-check`, which settles it or puts the next check off (back-off, up to a
 * cap, then a task for a person). A provider's notice may settle a refund first; the check is
 * then refused (REFUND_ANSWERED) and dropped.
 */
export function startRefundChecks(store: SiteStore, calls: ProviderCalls, everyMs: number, onError: (error: unknown) => void): () => void {
  let running = false;
  let stopped = false;
  const record = (refund: string, check: { outcome: 'done' | 'failed' | 'processing' | 'unreachable'; reference?: string; failure?: string }) =>
    calls.commands.handle(systemActor, { refund }, { type: 'record-refund-check', ...check }).catch((error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
    });
  const tick = async () => {
    if (running || stopped || !store.isOpen) return;
    running = true;
    try {
      for (const id of store.payments.dueRefundChecks(calls.clock())) {
        const refund = store.payments.refund(id);
        const payment = refund && store.payments.get(refund.payment);
        if (!refund || !payment) continue;
        const provider = calls.providers.get(payment.provider);
        let check: Parameters<typeof record>[1];
        try {
          const standing = provider?.queryRefund ? await provider.queryRefund(payment, refund, new Date(calls.clock())) : null;
          check = standing
            ? { outcome: standing.outcome, ...(standing.reference ? { reference: standing.reference } : {}), ...(standing.failure ? { failure: standing.failure } : {}) }
            : { outcome: 'unreachable' };
        } catch (error) {
          // Refused by the provider (its answer verified): the refund is not known to have gone through; not reached: asked again later.
          check = error instanceof ProviderRefused ? { outcome: 'processing' } : { outcome: 'unreachable' };
        }
        if (stopped || !store.isOpen) return;
        await record(id, check);
      }
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => { stopped = true; clearInterval(timer); };
}
