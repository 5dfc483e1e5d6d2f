// What a central server needs to take payment notices for its sites: the same providers, the same checks.
export { type PaymentOptions, paymentSettings } from './payment-options.ts';
export { type PaymentSettings, providersFrom, wechatKeysFrom } from './provider-setup.ts';
export type { NoticeAnswer, NoticeRequest, PaymentProvider, Providers } from './provider.ts';
export { NoticeRefused } from './notice-refused.ts';
export { NOTICE_BODY_LIMIT, registerNoticeRoute } from './notice-route.ts';
export { noticeCommandId, siteOfTrade } from './notice-routing.ts';
export { checkPaymentEnv, noticeProviders, paymentNoticeEnv } from './payment-env.ts';
