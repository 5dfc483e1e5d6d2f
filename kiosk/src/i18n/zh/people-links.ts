import type { peopleLinks as english } from '../en/people-links.ts';

/** 简体中文：将人员关联到其所属单元。 */
export const peopleLinks: Record<keyof typeof english, string> = {
  'peopleLinks.unit': '单元（可选）',
  'peopleLinks.col.unit': '单元',
  'peopleLinks.noUnit': '无单元',
  'peopleLinks.unitHint': '此人发来的邮件将登记在其所属单元的第一个房间。',
};
