import type { install as english } from '../en/install.ts';

/** Norsk bokmål: the pages installed as apps. */
export const install: Record<keyof typeof english, string> = {
  'install.sign.name': 'Doorside romskilt',
  'install.sign.short': 'Romskilt',
  'install.panel.name': 'Doorside dørpanel',
  'install.panel.short': 'Dørpanel',
  'install.staff.name': 'Doorside arbeidskø',
  'install.staff.short': 'Arbeidskø',
  'install.dashboard.name': 'Doorside driftsoversikt',
  'install.dashboard.short': 'Driftsoversikt',
  'install.portal.name': 'Doorside leietakerportal',
  'install.portal.short': 'Leietakerportal',
};
