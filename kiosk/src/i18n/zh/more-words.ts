import type { moreWords as english } from '../en/more-words.ts';

/** 简体中文：以读者的语言描述驳回后的跟进任务。 */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': '已驳回：{reason}',
  'phrase.ticket.rejectedWithNotes': '已驳回：{reason}。主管备注：{notes}',
  'live.crowded.sign': '此标牌的链接在太多屏幕上打开；本屏幕将在一分钟后恢复更新。',
  'live.crowded.page': '使用此登录打开的页面过多；本页面将在一分钟后恢复更新。',
  'live.crowded.short': '已暂停',
};
