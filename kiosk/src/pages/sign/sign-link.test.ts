import { describe, expect, it } from 'vitest';
import { signLink } from './sign-link.ts';

describe("reading the sign's own address", () => {
  it('passes device credentials on to the socket beside the page', () => {
    const page = new URL('http://gw.local:8080/sign/r102?device=sign-r102&secret=s3cr%2Bt');

    const link = signLink(page, []);

    expect(link.room).toBe('r102');
    expect(link.wsUrl).toBe('ws://gw.local:8080/ws?device=sign-r102&secret=s3cr%2Bt');
  });

  it('passes the room and its QR secret when opened with ?k=', () => {
    const page = new URL('https://gw.local/sign/r201?k=abc');

    const link = signLink(page, []);

    expect(link.wsUrl).toBe('wss://gw.local/ws?room=r201&k=abc');
  });

  it('keeps a path prefix in front of the gateway', () => {
    const page = new URL('https://site.example/doorside/sign/r101?k=abc');

    const link = signLink(page, []);

    expect(new URL(link.wsUrl).pathname).toBe('/doorside/ws');
  });
});
