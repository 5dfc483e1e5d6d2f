import type { pay as english } from '../en/pay.ts';

/** 简体中文：模拟支付页面。 */
export const pay: Record<keyof typeof english, string> = {
  'pay.provider': 'SimPay',
  'pay.title': '支付订单',
  'pay.simulated': '这是用于演示和测试的模拟支付：不会产生真实扣款。',
  'pay.loading': '正在加载支付信息…',
  'pay.unknown': '此地址没有待支付的款项。请联系前台。',
  'pay.summary': '支付内容',
  'pay.payee': '收款方',
  'pay.order': '订单',
  'pay.reference': '交易号',
  'pay.pay': '支付 {amount}',
  'pay.paying': '正在支付…',
  'pay.paid': '支付成功。已通知物业；收据见您的跟踪页面。',
  'pay.refused': '此款项无法（再）支付。请联系前台。',
  'pay.failed': '支付未完成，未扣款；请重试。',
  'pay.back': '返回订单',
  'receipt.title': '收据',
  'receipt.paid': '已付',
  'receipt.to': '收款方',
  'receipt.order': '订单',
  'receipt.with': '支付方式',
  'receipt.at': '时间',
  'receipt.number': '交易号',
  'receipt.refunded': '已退款 {amount}',
  'receipt.refundRequested': '已向支付机构申请退款 {amount}',
};
