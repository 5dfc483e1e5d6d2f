import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type PaymentSettings, simulatedKey, wechatKeysFrom } from './provider-setup.ts';

/** How a gateway takes payments (from the environment, or given directly by a test). */
export interface PaymentOptions {
  /** Where providers send notices, without the provider (`DOORSIDE_PAYMENT_NOTIFY_URL`); absent: `{public address}/api/payments/notify`. */
  notifyUrl?: string;
  /** The simulated provider (`DOORSIDE_PAYMENTS_SIMULATED`, on by default): its page on the gateway and its own signing key. */
  simulated?: boolean;
  wechat?: { apiV3Key: string; mchid?: string } & ({ keysFolder: string } | { keys: ReadonlyMap<string, KeyObject> });
  alipay?: { appId: string } & ({ publicKeyFile: string } | { publicKey: KeyObject });
}

/** The providers' keys, read once at start; the simulated provider's key pair is made on first start. */
export function paymentSettings(options: PaymentOptions, dataDir: string): { settings: PaymentSettings; simulatedPrivateKey: KeyObject | null } {
  const sim = options.simulated === false ? null : simulatedKey(dataDir);
  const { wechat, alipay } = options;
  return {
    simulatedPrivateKey: sim?.privateKey ?? null,
    settings: {
      company: true,
      ...(sim ? { simulated: { publicKey: sim.publicKey } } : {}),
      ...(wechat ? { wechat: { apiV3Key: wechat.apiV3Key, keys: 'keys' in wechat ? wechat.keys : wechatKeysFrom(wechat.keysFolder), ...(wechat.mchid ? { mchid: wechat.mchid } : {}) } } : {}),
      ...(alipay ? { alipay: { appId: alipay.appId, publicKey: 'publicKey' in alipay ? alipay.publicKey : createPublicKey(readFileSync(alipay.publicKeyFile, 'utf8')) } } : {}),
    },
  };
}
