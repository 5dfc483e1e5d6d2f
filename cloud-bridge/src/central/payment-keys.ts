import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type PaymentSettings, wechatKeysFrom } from '@doorside/edge/payments';
import type { CentralConfig } from './config.ts';

/** The providers' verifying keys, read from the files the environment names. */
export function paymentKeys(files: CentralConfig['payments']): PaymentSettings {
  const pem = (file: string) => createPublicKey(readFileSync(file, 'utf8'));
  return {
    ...(files.simulatedKeyFile ? { simulated: { publicKey: pem(files.simulatedKeyFile) } } : {}),
    ...(files.wechat ? { wechat: { apiV3Key: files.wechat.apiV3Key, keys: wechatKeysFrom(files.wechat.keysFolder), ...(files.wechat.mchid ? { mchid: files.wechat.mchid } : {}) } } : {}),
    ...(files.alipay ? { alipay: { appId: files.alipay.appId, publicKey: pem(files.alipay.publicKeyFile) } } : {}),
  };
}
