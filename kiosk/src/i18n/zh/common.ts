import type { common as english } from '../en/common.ts';

/** 简体中文: language name and room statuses. */
export const common: Record<keyof typeof english, string> = {
  'language.name': '中文（简体）',
  'status.available': '可以使用',
  'status.service_due': '待维护',
  'status.in_service': '维护中',
  'status.pending_recovery': '等待恢复',
  'status.do_not_use': '请勿使用',
};
