import type { queueCards as english } from '../en/queue-cards.ts';

/** 简体中文: the staff queue's compact header and cards. */
export const queueCards: Record<keyof typeof english, string> = {
  'queueCards.menu': '{name} 的菜单：语言和退出登录',
};
