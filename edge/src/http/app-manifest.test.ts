import { describe, expect, it } from 'vitest';
import { appLanguage, appManifest, manifestSearch } from './app-manifest.ts';

const names = { en: { name: 'Room sign', short_name: 'Sign' }, zh: { name: '房间标牌', short_name: '标牌' }, nb: { name: 'Romskilt', short_name: 'Skilt' } };
const entry = { display: 'fullscreen' as const, theme_color: '#ffffff', background_color: '#ffffff', names };

describe('the app manifest of a page', () => {
  it('picks ?lang= first, then Accept-Language by weight (no and nn as nb), then the first language', () => {
    expect(appLanguage(names, 'zh', 'nb')).toBe('zh');
    expect(appLanguage(names, undefined, 'fr;q=1, nn;q=0.4, zh-CN;q=0.8')).toBe('zh');
    expect(appLanguage(names, undefined, 'no, en;q=0.9')).toBe('nb');
    expect(appLanguage(names, undefined, 'fr, de;q=0.5')).toBe('en');
    expect(appLanguage(names, 'xx', undefined)).toBe('en');
  });

  it('starts a room page at its room with the page\'s own query, in the page\'s scope', () => {
    const manifest = appManifest('sign', entry, { room: 'r101', device: 'sign-r101', secret: 's3cret', lang: 'nb' }, undefined);

    expect(manifest).toMatchObject({ id: 'sign/r101', start_url: 'sign/r101?device=sign-r101&secret=s3cret&lang=nb', scope: 'sign/', name: 'Romskilt', lang: 'nb' });
  });

  it('passes on only what the manifest accepts, the room last', () => {
    expect(manifestSearch('r101', { device: 'sign-r101', secret: 'abc', other: 'x', lang: '<script>' })).toBe('?device=sign-r101&secret=abc&room=r101');
    expect(manifestSearch(undefined, {})).toBe('');
  });
});
