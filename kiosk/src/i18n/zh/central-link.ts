import type { centralLink as english } from '../en/central-link.ts';

/** 简体中文：站点同步代理是否在线。 */
export const centralLink: Record<keyof typeof english, string> = {
  'centralLink.title': '连接',
  'centralLink.up': '代理正在上报',
  'centralLink.downSince': '已断开：代理最后一次上报于{ago}',
  'centralLink.neverSeen': '已断开：尚无代理上报',
  'centralLink.agentGone': '同步代理{ago}停止上报：在其恢复前，连接视为断开。',
};
