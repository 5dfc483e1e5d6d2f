import type { mailFlags as english } from '../en/mail-flags.ts';

/** 简体中文: the warning that a reporter's mail address bounced. */
export const mailFlags: Record<keyof typeof english, string> = {
  'mailFlags.undeliverable': '无法向报告人发送邮件',
  'mailFlags.undeliverableDetail': '地址 {contact} 的邮件被退回。邮件回复无法送达：请致电或通过其他方式联系。',
};
