import type { slaDashboard as english } from '../en/sla-dashboard.ts';

/** 简体中文: the dashboard's service-levels section and the staff page's checklist. */
export const slaDashboard: Record<keyof typeof english, string> = {
  'slaDash.section': '服务级别',
  'slaDash.loading': '加载中…',
  'slaDash.failed': '无法加载服务级别。',
  'slaDash.breachedTitle': '已超时',
  'slaDash.noneBreached': '没有未完成工单超出目标时间。',
  'slaDash.openTitle': '未完成工单（按到期先后）',
  'slaDash.noneOpen': '没有未完成工单。',
  'slaDash.plannedTitle': '计划工作（未来 {days} 天）',
  'slaDash.nonePlanned': '未来 {days} 天没有计划工作。',
  'slaDash.moved': '因休息日顺延',
  'slaDash.made': '已生成工单 {ticket}',
  'slaDash.colClock': '时限',
  'slaDash.noClock': '无时限',
  'slaDash.response': '响应',
  'slaDash.resolution': '解决',
  'slaDash.left': '剩余 {time}',
  'slaDash.over': '已超时 {time}',
  'slaDash.paused': '已暂停，剩余 {time}',
  'slaDash.met': '按时完成',
  'slaDash.metLate': '逾期完成',
  'slaDash.checklist': '检查清单',
  'slaDash.checklistDone': '已完成 {done}/{total}',
  'slaDash.tickFailed': '无法勾选该项，请重试。',
};
