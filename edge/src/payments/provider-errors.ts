import { Refusal } from '../domain-error.ts';

/** The provider was not reached, or what it answered did not verify: nothing is known to have changed there. */
export class ProviderUnavailable extends Refusal {
  constructor(provider: string, why: string) {
    super('PROVIDER_UNAVAILABLE', `${provider} could not be used: ${why}`, { provider, why });
  }
}

/** The provider answered, verified, and said no. */
export class ProviderRefused extends Refusal {
  constructor(provider: string, code: string, message: string) {
    super('PROVIDER_REFUSED', `${provider} refused: ${code} ${message}`.trim(), { provider, code: code.slice(0, 120), message: message.slice(0, 300) });
  }
}

/** A provider's API is called with a deadline: a gateway never waits on it for long. */
export const PROVIDER_TIMEOUT_MS = 10_000;
