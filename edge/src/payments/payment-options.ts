import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ProviderId } from '../contracts/index.ts';
import { type PaymentSettings, simulatedKey, wechatKeysFrom } from './provider-setup.ts';

/** WeChat Pay's API, where the merchant's calls go unless told otherwise. */
export const WECHATPAY_API = 'https://api.mch.weixin.qq.com';
/** Alipay's open platform gateway. */
export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';

type Key = { privateKeyFile: string } | { privateKey: KeyObject };

/** How a gateway takes payments (from the environment, or given directly by a test). */
export interface PaymentOptions {
  /** Where providers send notices, without the provider (`DOORSIDE_PAYMENT_NOTIFY_URL`); absent: `{public address}/api/payments/notify`. */
  notifyUrl?: string;
  /** The simulated provider (`DOORSIDE_PAYMENTS_SIMULATED`, on by default): its page on the gateway and its own signing key. */
  simulated?: boolean;
  /** Whom bookings paid at order are paid through (`DOORSIDE_PAYMENT_PROVIDER`); absent: simulated, else the first real provider set up. */
  orderProvider?: ProviderId;
  wechat?: { apiV3Key: string; mchid?: string; merchant?: { appid: string; serial: string; api?: string } & Key } & ({ keysFolder: string } | { keys: ReadonlyMap<string, KeyObject> });
  alipay?: { appId: string; app?: { gateway?: string } & Key } & ({ publicKeyFile: string } | { publicKey: KeyObject });
}

const privateKeyOf = (key: Key) => ('privateKey' in key ? key.privateKey : createPrivateKey(readFileSync(key.privateKeyFile, 'utf8')));

/** The providers' keys, read once at start; the simulated provider's key pair is made on first start. */
export function paymentSettings(options: PaymentOptions, dataDir: string): { settings: PaymentSettings; simulatedPrivateKey: KeyObject | null } {
  const sim = options.simulated === false ? null : simulatedKey(dataDir);
  const { wechat, alipay } = options;
  const merchant = wechat?.merchant && wechat.mchid
    ? { mchid: wechat.mchid, appid: wechat.merchant.appid, serial: wechat.merchant.serial, privateKey: privateKeyOf(wechat.merchant), api: wechat.merchant.api ?? WECHATPAY_API } : undefined;
  return {
    simulatedPrivateKey: sim?.privateKey ?? null,
    settings: {
      company: true,
      ...(sim ? { simulated: { publicKey: sim.publicKey } } : {}),
      ...(wechat ? { wechat: { apiV3Key: wechat.apiV3Key, keys: 'keys' in wechat ? wechat.keys : wechatKeysFrom(wechat.keysFolder), ...(wechat.mchid ? { mchid: wechat.mchid } : {}), ...(merchant ? { merchant } : {}) } } : {}),
      ...(alipay ? {
        alipay: {
          appId: alipay.appId, publicKey: 'publicKey' in alipay ? alipay.publicKey : createPublicKey(readFileSync(alipay.publicKeyFile, 'utf8')),
          ...(alipay.app ? { app: { privateKey: privateKeyOf(alipay.app), gateway: alipay.app.gateway ?? ALIPAY_GATEWAY } } : {}),
        },
      } : {}),
    },
  };
}
