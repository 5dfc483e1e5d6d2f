import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProviderId } from '../contracts/index.ts';
import { alipay, type AlipaySettings } from './alipay.ts';
import { companyAccount } from './company-account.ts';
import type { PaymentProvider, Providers } from './provider.ts';
import { simulatedProvider } from './simulated-provider.ts';
import { wechatPay, type WechatPaySettings } from './wechat-pay.ts';

/** Which providers a site (or the central server) takes notices from, with their keys. */
export interface PaymentSettings {
  /** The simulated provider's verifying key; absent: not offered. */
  simulated?: { publicKey: KeyObject };
  wechat?: WechatPaySettings;
  alipay?: AlipaySettings;
  /** Charges to a tenant's company account (on the gateway only: the central server takes no such charges). */
  company?: boolean;
}

export function providersFrom(settings: PaymentSettings): Providers {
  const list: PaymentProvider[] = [];
  if (settings.simulated) list.push(simulatedProvider(settings.simulated.publicKey));
  if (settings.wechat) list.push(wechatPay(settings.wechat));
  if (settings.alipay) list.push(alipay(settings.alipay));
  if (settings.company) list.push(companyAccount);
  return new Map(list.map((p) => [p.id, p] as [ProviderId, PaymentProvider]));
}

/**
 * WeChat Pay's verifying keys from a folder of PEM files: a platform certificate goes by its
 * serial number; a public key by its file's name, which is its id (`PUB_KEY_ID_….pem`).
 */
export function wechatKeysFrom(folder: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.pem'))) {
    const pem = readFileSync(join(folder, file), 'utf8');
    if (pem.includes('BEGIN CERTIFICATE')) {
      const cert = new X509Certificate(pem);
      keys.set(cert.serialNumber.toUpperCase(), cert.publicKey);
    } else {
      keys.set(basename(file, '.pem'), createPublicKey(pem));
    }
  }
  return keys;
}

/**
 * The simulated provider's signing key, made on first start in `{dataDir}/payments/`; its
 * public half is written beside it for a central server to check the provider's notices.
 */
export function simulatedKey(dataDir: string): { privateKey: KeyObject; publicKey: KeyObject; publicKeyFile: string } {
  const { file, publicKeyFile } = simulatedKeyFiles(dataDir);
  if (!existsSync(file)) placeSimulatedKey(dataDir, generateKeyPairSync('rsa', { modulusLength: 2048 }));
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  return { privateKey, publicKey: createPublicKey(privateKey), publicKeyFile };
}

const simulatedKeyFiles = (dataDir: string) => ({
  folder: join(dataDir, 'payments'),
  file: join(dataDir, 'payments', 'simulated-provider.key.pem'),
  publicKeyFile: join(dataDir, 'payments', 'simulated-provider.pub.pem'),
});

/** Writes a key pair where a site keeps its simulated provider's key, readable by the gateway's user only. */
export function placeSimulatedKey(dataDir: string, pair: { privateKey: KeyObject; publicKey: KeyObject }): void {
  const { folder, file, publicKeyFile } = simulatedKeyFiles(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicKeyFile, pair.publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o600 });
}
