import { describe, expect, it } from 'vitest';
import { kioskConfig } from './kiosk-config.ts';

describe('kiosk config', () => {
  it('points a sign at its room sign page with its device id and secret', () => {
    const input = { kind: 'sign' as const, baseUrl: 'https://gw.local:8443', room: '101', deviceId: 'sign-101', token: 'abc_DEF-123' };

    const config = kioskConfig(input);

    expect(config).toEqual({
      kind: 'sign',
      url: 'https://gw.local:8443/sign/101?device=sign-101&secret=abc_DEF-123',
      deviceId: 'sign-101',
      room: '101',
      kiosk: { fullscreen: true, keepAwake: true, reloadOnError: true },
    });
  });

  it('points a panel at the panel page', () => {
    const input = { kind: 'panel' as const, baseUrl: 'http://10.0.0.2', room: 'B-2', deviceId: 'panel-b2', token: 't' };

    const { url } = kioskConfig(input);

    expect(url).toBe('http://10.0.0.2/panel/B-2?device=panel-b2&secret=t');
  });

  it('encodes room, device and secret so that they come back unchanged', () => {
    const input = { kind: 'sign' as const, baseUrl: 'https://gw.local', room: '会议室 3/A?', deviceId: 'sign&1=2', token: 'a+b/c=#d e%' };

    const url = new URL(kioskConfig(input).url);

    expect(decodeURIComponent(url.pathname)).toBe('/sign/会议室 3/A?');
    expect(url.pathname.split('/')).toHaveLength(3);
    expect(url.searchParams.get('device')).toBe('sign&1=2');
    expect(url.searchParams.get('secret')).toBe('a+b/c=#d e%');
    expect(url.hash).toBe('');
  });

  it('keeps a path prefix in the base URL and drops its trailing slash', () => {
    const input = { kind: 'sign' as const, baseUrl: 'https://example.org/doorside/', room: '1', deviceId: 'd', token: 't' };

    const { url } = kioskConfig(input);

    expect(url).toBe('https://example.org/doorside/sign/1?device=d&secret=t');
  });

  it('adds the language only when one is given', () => {
    const base = { kind: 'panel' as const, baseUrl: 'https://gw', room: '1', deviceId: 'd', token: 't' };

    const withLanguage = new URL(kioskConfig({ ...base, language: 'nb' }).url);
    const without = new URL(kioskConfig(base).url);

    expect(withLanguage.searchParams.get('lang')).toBe('nb');
    expect(without.searchParams.has('lang')).toBe(false);
  });

  it('refuses base URLs that are not plain http(s) and empty fields', () => {
    const base = { kind: 'sign' as const, baseUrl: 'https://gw', room: '1', deviceId: 'd', token: 't' };

    expect(() => kioskConfig({ ...base, baseUrl: 'gw.local' })).toThrow(/not a URL/);
    expect(() => kioskConfig({ ...base, baseUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => kioskConfig({ ...base, baseUrl: 'https://gw/?x=1' })).toThrow(/query/);
    expect(() => kioskConfig({ ...base, token: '' })).toThrow(/token/);
  });
});
