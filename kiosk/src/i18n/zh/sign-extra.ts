import type { signExtra as english } from '../en/sign-extra.ts';

/** 简体中文: what a sign shows while its room is out of use, and the dashboard's control for the room to use instead. */
export const signExtra: Record<keyof typeof english, string> = {
  'sign.ticket': '工单 {ticket}',
  'sign.alternative': '请改用{room}（{floor} 楼）',
  'dash.alternative.title': '替代房间',
  'dash.alternative.hint': '当此房间停止使用或待恢复时，标牌会显示该房间。',
  'dash.alternative.none': '无',
  'dash.alternative.option': '{room}（{floor} 楼）',
  'dash.alternative.save': '保存',
  'dash.alternative.saved': '已保存：标牌现在显示{room}作为替代房间。',
  'dash.alternative.cleared': '已保存：标牌不再显示替代房间。',
};
