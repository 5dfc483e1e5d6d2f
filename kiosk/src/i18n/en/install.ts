/** English words for the pages installed as apps: the names a home screen shows. */
export const install = {
  'install.sign.name': 'Doorside room sign',
  'install.sign.short': 'Room sign',
  'install.panel.name': 'Doorside door panel',
  'install.panel.short': 'Door panel',
  'install.staff.name': 'Doorside work queue',
  'install.staff.short': 'Work queue',
  'install.dashboard.name': 'Doorside facility dashboard',
  'install.dashboard.short': 'Dashboard',
  'install.portal.name': 'Doorside tenant portal',
  'install.portal.short': 'Tenant portal',
} as const;
