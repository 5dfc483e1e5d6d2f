import { describe, expect, it } from 'vitest';
import { translator } from './translator.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('the translator', () => {
  it('fills placeholders by name', () => {
    const { t } = translator('en');

    const text = t('sign.denied', { room: 'r101' });

    expect(text).toBe('This sign may not show room r101. Check the link in its kiosk configuration.');
  });

  it('says how long ago a change was in the chosen language', () => {
    const en = translator('en');
    const nl = translator('nl');

    const english = en.ago('2026-11-23T11:55:00Z', now);
    const dutch = nl.ago('2026-11-23T09:00:00Z', now);

    expect(english).toBe('5 minutes ago');
    expect(dutch).toBe('3 uur geleden');
  });

  it('calls a change of the last minute "now"', () => {
    const { ago } = translator('en');

    const text = ago('2026-11-23T11:59:40Z', now);

    expect(text).toBe('now');
  });
});

describe('the translator with phrases, names and plurals', () => {
  it('renders a server-made title in the language, with the names the data gives', () => {
    const zh = translator('zh');

    const text = zh.phrase({ code: 'ticket.serviceIn', params: { category: { text: 'Maintenance', names: { zh: '维修' } }, room: { text: 'Boardroom', names: { zh: '董事会议室' } } } }, 'Maintenance in Boardroom');

    expect(text).toBe('董事会议室：维修');
  });

  it('picks the plural form the language asks for', () => {
    const en = translator('en');

    expect(en.plural('dash.kpiStarsCount', 1)).toBe('1 star');
    expect(en.plural('dash.kpiStarsCount', 3)).toBe('3 stars');
    expect(translator('nl').plural('panel.wrongPin', 1)).toContain('Nog 1 poging ');
  });
});
