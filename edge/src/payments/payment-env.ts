import { resolve } from 'node:path';
import { z } from 'zod';
import { ProviderId } from '../contracts/index.ts';

/**
 * The environment by which a site, or a central server, takes providers' notices: one
 * definition for both, so the two always read the same names with the same checks.
 */
export const paymentNoticeEnv = {
  DOORSIDE_WECHATPAY_APIV3_KEY: z.string().refine((v) => Buffer.byteLength(v) === 32, 'the APIv3 key is 32 bytes').optional(),
  DOORSIDE_WECHATPAY_KEYS: z.string().min(1).optional(),
  DOORSIDE_WECHATPAY_MCHID: z.string().regex(/^\d{1,32}$/, 'a merchant number is digits').optional(),
  DOORSIDE_ALIPAY_APP_ID: z.string().regex(/^\d{1,32}$/, 'an Alipay app id is digits').optional(),
  DOORSIDE_ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
};

/** What only a site needs: its own keys to open payments and ask refunds, and whom bookings are paid through. */
export const paymentCallEnv = {
  DOORSIDE_PAYMENT_PROVIDER: ProviderId.exclude(['company']).optional(),
  DOORSIDE_WECHATPAY_APPID: z.string().regex(/^wx[0-9a-zA-Z]{1,32}$/, 'a WeChat app id looks like wx8888888888888888').optional(),
  DOORSIDE_WECHATPAY_MERCHANT_KEY: z.string().min(1).optional(),
  DOORSIDE_WECHATPAY_MERCHANT_SERIAL: z.string().regex(/^[0-9A-Fa-f]{1,64}$/, 'a certificate serial is hexadecimal').optional(),
  DOORSIDE_WECHATPAY_API: z.url({ protocol: /^https?$/ }).optional(),
  DOORSIDE_ALIPAY_APP_KEY: z.string().min(1).optional(),
  DOORSIDE_ALIPAY_GATEWAY: z.url({ protocol: /^https?$/ }).optional(),
};

type NoticeEnv = { [K in keyof typeof paymentNoticeEnv]?: string | undefined };
type CallEnv = { [K in keyof typeof paymentCallEnv]?: string | undefined };

const together = (ctx: z.RefinementCtx, names: string[], present: boolean[], message: string) => {
  if (present.some(Boolean) && !present.every(Boolean)) ctx.addIssue({ code: 'custom', path: [names.at(-1)!], message });
};

/** The pairs that come together or not at all. */
export function checkPaymentEnv(e: NoticeEnv & CallEnv, ctx: z.RefinementCtx): void {
  together(ctx, ['DOORSIDE_WECHATPAY_APIV3_KEY', 'DOORSIDE_WECHATPAY_KEYS'], [!!e.DOORSIDE_WECHATPAY_APIV3_KEY, !!e.DOORSIDE_WECHATPAY_KEYS],
    'WeChat Pay needs both the APIv3 key and the folder of platform certificates / public keys');
  together(ctx, ['DOORSIDE_ALIPAY_APP_ID', 'DOORSIDE_ALIPAY_PUBLIC_KEY'], [!!e.DOORSIDE_ALIPAY_APP_ID, !!e.DOORSIDE_ALIPAY_PUBLIC_KEY],
    'Alipay needs both the app id and Alipay\'s public key file');
  together(ctx, ['DOORSIDE_WECHATPAY_APPID', 'DOORSIDE_WECHATPAY_MERCHANT_SERIAL', 'DOORSIDE_WECHATPAY_MERCHANT_KEY'],
    [!!e.DOORSIDE_WECHATPAY_APPID, !!e.DOORSIDE_WECHATPAY_MERCHANT_SERIAL, !!e.DOORSIDE_WECHATPAY_MERCHANT_KEY],
    'opening WeChat Pay payments needs the app id, the merchant certificate\'s serial and the merchant key file together');
  if (e.DOORSIDE_WECHATPAY_MERCHANT_KEY && (!e.DOORSIDE_WECHATPAY_MCHID || !e.DOORSIDE_WECHATPAY_APIV3_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['DOORSIDE_WECHATPAY_MCHID'], message: 'opening WeChat Pay payments needs the merchant number and the notice settings too' });
  }
  if (e.DOORSIDE_ALIPAY_APP_KEY && !e.DOORSIDE_ALIPAY_APP_ID) ctx.addIssue({ code: 'custom', path: ['DOORSIDE_ALIPAY_APP_ID'], message: 'the Alipay app key needs the app id and Alipay\'s public key' });
}

/** The notice-taking providers the environment sets up, key files taken from `base`. */
export function noticeProviders(e: NoticeEnv, base: string) {
  return {
    ...(e.DOORSIDE_WECHATPAY_APIV3_KEY && e.DOORSIDE_WECHATPAY_KEYS
      ? { wechat: { apiV3Key: e.DOORSIDE_WECHATPAY_APIV3_KEY, keysFolder: resolve(base, e.DOORSIDE_WECHATPAY_KEYS), ...(e.DOORSIDE_WECHATPAY_MCHID ? { mchid: e.DOORSIDE_WECHATPAY_MCHID } : {}) } } : {}),
    ...(e.DOORSIDE_ALIPAY_APP_ID && e.DOORSIDE_ALIPAY_PUBLIC_KEY ? { alipay: { appId: e.DOORSIDE_ALIPAY_APP_ID, publicKeyFile: resolve(base, e.DOORSIDE_ALIPAY_PUBLIC_KEY) } } : {}),
  };
}

/** A site's providers: those that take notices, with what it needs to open payments and ask refunds. */
export function siteProviders(e: NoticeEnv & CallEnv, base: string) {
  const { wechat, alipay } = noticeProviders(e, base);
  return {
    ...(e.DOORSIDE_PAYMENT_PROVIDER ? { orderProvider: e.DOORSIDE_PAYMENT_PROVIDER as 'simulated' | 'wechat' | 'alipay' } : {}),
    ...(wechat ? {
      wechat: {
        ...wechat,
        ...(e.DOORSIDE_WECHATPAY_APPID && e.DOORSIDE_WECHATPAY_MERCHANT_SERIAL && e.DOORSIDE_WECHATPAY_MERCHANT_KEY ? {
          merchant: {
            appid: e.DOORSIDE_WECHATPAY_APPID, serial: e.DOORSIDE_WECHATPAY_MERCHANT_SERIAL.toUpperCase(), privateKeyFile: resolve(base, e.DOORSIDE_WECHATPAY_MERCHANT_KEY),
            ...(e.DOORSIDE_WECHATPAY_API ? { api: e.DOORSIDE_WECHATPAY_API } : {}),
          },
        } : {}),
      },
    } : {}),
    ...(alipay ? {
      alipay: {
        ...alipay,
        ...(e.DOORSIDE_ALIPAY_APP_KEY ? { app: { privateKeyFile: resolve(base, e.DOORSIDE_ALIPAY_APP_KEY), ...(e.DOORSIDE_ALIPAY_GATEWAY ? { gateway: e.DOORSIDE_ALIPAY_GATEWAY } : {}) } } : {}),
      },
    } : {}),
  };
}
