import type { Catalog } from './en.ts';

/** 简体中文 */
export const zh: Catalog = {
  'language.name': '中文（简体）',
  'status.available': '可以使用',
  'status.service_due': '待维护',
  'status.in_service': '维护中',
  'status.pending_recovery': '等待恢复',
  'status.do_not_use': '请勿使用',
  'sign.status': '房间状态',
  'sign.floor': '{floor} 楼',
  'sign.since': '自 {time} 起（{ago}）',
  'sign.connecting': '正在连接…',
  'sign.offline': '离线',
  'sign.stale': '显示的状态可能已过时。正在重新连接…',
  'sign.denied': '此标牌无权显示房间 {room}。请检查其信息亭配置中的链接。',
};
