import type { install as english } from '../en/install.ts';

/** 简体中文: the pages installed as apps. */
export const install: Record<keyof typeof english, string> = {
  'install.sign.name': 'Doorside 房间标牌',
  'install.sign.short': '房间标牌',
  'install.panel.name': 'Doorside 门边面板',
  'install.panel.short': '门边面板',
  'install.staff.name': 'Doorside 工作队列',
  'install.staff.short': '工作队列',
  'install.dashboard.name': 'Doorside 设施看板',
  'install.dashboard.short': '设施看板',
  'install.portal.name': 'Doorside 租户门户',
  'install.portal.short': '租户门户',
};
