import { execFileSync } from 'node:child_process';
import { createCipheriv, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A WeChat Pay platform as the tests play it: its own RSA key, a certificate for it made by openssl, and the merchant's APIv3 key. */
export interface WechatPlatform {
  privateKey: KeyObject;
  publicKey: KeyObject;
  certificatePem: string;
  /** The certificate's serial, as WeChat sends it in Wechatpay-Serial. */
  serial: string;
  apiV3Key: string;
}

export function rsaPair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A self-signed platform certificate with a serial of our choosing, by the openssl command line. */
export function wechatPlatform(serial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'): WechatPlatform {
  const dir = mkdtempSync(join(tmpdir(), 'wxcert-'));
  try {
    const { privateKey, publicKey } = rsaPair();
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync('openssl', ['req', '-new', '-x509', '-key', keyFile, '-out', join(dir, 'cert.pem'), '-days', '30', '-subj', '/CN=Tenpay.com Root CA', '-set_serial', `0x${serial}`], { stdio: 'ignore' });
    return { privateKey, publicKey, certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8'), serial, apiV3Key: randomBytes(16).toString('hex') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** AEAD_AES_256_GCM as WeChat Pay encrypts a resource: ciphertext and 16-byte tag, base64. */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData = 'transaction') {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce };
}

/** A TRANSACTION.SUCCESS notification, signed as WeChat Pay v3 documents: SHA256withRSA over `timestamp\nnonce\nbody\n`. */
export function wechatNotice(
  platform: { privateKey: KeyObject; apiV3Key: string }, serial: string,
  transaction: { out_trade_no: string; transaction_id: string; total: number; currency?: string; mchid?: string },
  at = new Date(),
  event = 'TRANSACTION.SUCCESS',
) {
  const resource = encryptResource(platform.apiV3Key, JSON.stringify({
    mchid: transaction.mchid ?? '1230000109', appid: 'wxd678efh567hg6787', out_trade_no: transaction.out_trade_no, transaction_id: transaction.transaction_id,
    trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'CMC', attach: '', success_time: '2026-12-06T18:01:02+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }, amount: { total: transaction.total, payer_total: transaction.total, currency: transaction.currency ?? 'CNY', payer_currency: 'CNY' },
  }));
  const body = JSON.stringify({
    id: randomBytes(18).toString('hex'), create_time: '2026-12-06T18:01:03+08:00', resource_type: 'encrypt-resource', event_type: event, summary: '支付成功', resource,
  });
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), platform.privateKey).toString('base64');
  return {
    body,
    headers: {
      'content-type': 'application/json', 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature,
      'Wechatpay-Serial': serial, 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    } as Record<string, string>,
  };
}

/** An Alipay asynchronous notification: form-encoded, RSA2 over the sorted parameters without sign and sign_type. */
export function alipayNotice(privateKey: KeyObject, params: Record<string, string>): string {
  const signing = Object.keys(params).filter((k) => params[k] !== '').sort().map((k) => `${k}=${params[k]}`).join('&');
  const signature = sign('sha256', Buffer.from(signing, 'utf8'), privateKey).toString('base64');
  return new URLSearchParams({ ...params, sign_type: 'RSA2', sign: signature }).toString();
}

/** A refund's end as WeChat Pay notifies it (REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED): the refund resource, encrypted and signed like a payment's. */
export function wechatRefundNotice(
  platform: { privateKey: KeyObject; apiV3Key: string }, serial: string,
  refund: { out_trade_no: string; out_refund_no: string; refund_id: string; status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'; total: number; refund: number; mchid?: string },
  at = new Date(),
) {
  const resource = encryptResource(platform.apiV3Key, JSON.stringify({
    mchid: refund.mchid ?? '1230000109', out_trade_no: refund.out_trade_no, transaction_id: '4200000001202612060000000099', out_refund_no: refund.out_refund_no,
    refund_id: refund.refund_id, refund_status: refund.status, ...(refund.status === 'SUCCESS' ? { success_time: '2026-12-06T18:30:00+08:00' } : {}),
    user_received_account: '招商银行信用卡0403', amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
  }), 'refund');
  const body = JSON.stringify({
    id: randomBytes(18).toString('hex'), create_time: '2026-12-06T18:30:01+08:00', resource_type: 'encrypt-resource', event_type: `REFUND.${refund.status}`,
    summary: refund.status === 'SUCCESS' ? '退款成功' : '退款异常', resource: { ...resource, original_type: 'refund' },
  });
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), platform.privateKey).toString('base64');
  return {
    body,
    headers: {
      'content-type': 'application/json', 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature,
      'Wechatpay-Serial': serial, 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    } as Record<string, string>,
  };
}
