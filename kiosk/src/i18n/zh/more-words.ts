import type { moreWords as english } from '../en/more-words.ts';

/** 简体中文：以读者的语言描述驳回后的跟进任务。 */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': '已驳回：{reason}',
  'phrase.ticket.rejectedWithNotes': '已驳回：{reason}。主管备注：{notes}',
};
