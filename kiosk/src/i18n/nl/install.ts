import type { install as english } from '../en/install.ts';

/** Nederlands: the pages installed as apps. */
export const install: Record<keyof typeof english, string> = {
  'install.sign.name': 'Doorside ruimtebord',
  'install.sign.short': 'Ruimtebord',
  'install.panel.name': 'Doorside deurpaneel',
  'install.panel.short': 'Deurpaneel',
  'install.staff.name': 'Doorside werkwachtrij',
  'install.staff.short': 'Werkwachtrij',
  'install.dashboard.name': 'Doorside facilitair dashboard',
  'install.dashboard.short': 'Dashboard',
  'install.portal.name': 'Doorside huurdersportaal',
  'install.portal.short': 'Huurdersportaal',
};
