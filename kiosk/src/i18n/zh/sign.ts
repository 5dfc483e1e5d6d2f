import type { sign as english } from '../en/sign.ts';

/** 简体中文: the door sign. */
export const sign: Record<keyof typeof english, string> = {
  'sign.status': '房间状态',
  'sign.floor': '{floor} 楼',
  'sign.since': '自 {time} 起（{ago}）',
  'sign.connecting': '正在连接…',
  'sign.offline': '离线',
  'sign.stale': '显示的状态可能已过时。正在重新连接…',
  'sign.denied': '此标牌无权显示房间 {room}。请检查其信息亭配置中的链接。',
};
