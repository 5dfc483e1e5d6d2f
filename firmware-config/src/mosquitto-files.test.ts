import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mosquittoAclFile, mosquittoPasswordFile, mosquittoPasswordLine, verifyMosquittoPassword } from './mosquitto-files.ts';

const hasMosquittoPasswd = (() => {
  try {
    execFileSync('which', ['mosquitto_passwd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Made by mosquitto_passwd 2.0.11 (Debian 12): `mosquitto_passwd -c -b pw sign-101 'p@ss:wörd'`. */
const FROM_MOSQUITTO_PASSWD =
  'sign-101:$7$101$W3nDXt2vOAmKWx2K$fKQNBhcN/OINmeqBApegTYguvIA1Mz5DHMHRQCEO14tmvLxOTmq9A4ex7TzP6sys6yUm4LDEwLBmGdNUohMSJw==';

describe('mosquitto password_file', () => {
  it('writes one $7$ line per user with 101 iterations, a 12-byte salt and a 64-byte hash', () => {
    const entries = [{ username: 'sign-101', password: 'a' }, { username: 'panel-2', password: 'b' }];

    const text = mosquittoPasswordFile(entries);

    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    for (const [i, line] of lines.slice(0, 2).entries()) {
      const match = /^([^:]+):\$7\$101\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(line);
      expect(match?.[1]).toBe(entries[i]!.username);
      expect(Buffer.from(match![2]!, 'base64')).toHaveLength(12);
      expect(Buffer.from(match![3]!, 'base64')).toHaveLength(64);
    }
  });

  it('salts every line afresh, so equal passwords give different lines', () => {
    const text = mosquittoPasswordFile([{ username: 'a', password: 'same' }, { username: 'b', password: 'same' }]);

    const [a, b] = text.split('\n').map((l) => l.split(':')[1]);

    expect(a).not.toBe(b);
  });

  it('verifies its own lines: the right password passes and any other fails', () => {
    const line = mosquittoPasswordFile([{ username: 'sign-101', password: 'correct horse' }]).trimEnd();

    expect(verifyMosquittoPassword(line, 'correct horse')).toBe(true);
    expect(verifyMosquittoPassword(line, 'correct horse ')).toBe(false);
    expect(verifyMosquittoPassword(line, '')).toBe(false);
  });

  it('matches the bytes mosquitto_passwd wrote for the same salt and password', () => {
    const salt = Buffer.from('W3nDXt2vOAmKWx2K', 'base64');

    const line = mosquittoPasswordLine('sign-101', 'p@ss:wörd', salt);

    expect(line).toBe(FROM_MOSQUITTO_PASSWD);
    expect(verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, 'p@ss:wörd')).toBe(true);
  });

  it.skipIf(!hasMosquittoPasswd)('accepts a line that the installed mosquitto_passwd writes now (needs mosquitto_passwd: install mosquitto)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorside-mosq-'));
    const file = join(dir, 'passwd');

    try {
      execFileSync('mosquitto_passwd', ['-c', '-b', file, 'panel-7', 'sesam: åpne deg']);
      const line = readFileSync(file, 'utf8').trimEnd();

      expect(line.startsWith('panel-7:$7$')).toBe(true);
      expect(verifyMosquittoPassword(line, 'sesam: åpne deg')).toBe(true);
      expect(verifyMosquittoPassword(line, 'sesam: apne deg')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats malformed lines as a mismatch rather than throwing', () => {
    const bad = ['', 'no-colon', 'u:plain', 'u:$7$x$abc$def', 'u:$7$101$$', 'u:$9$101$abc$def', ':$7$101$W3nDXt2vOAmKWx2K$AAAA'];

    const results = bad.map((line) => verifyMosquittoPassword(line, 'x'));

    expect(results.every((r) => r === false)).toBe(true);
  });

  it('refuses usernames with a colon, whitespace or nothing at all, and users listed twice', () => {
    const make = (username: string) => () => mosquittoPasswordFile([{ username, password: 'p' }]);

    expect(make('a:b')).toThrow(/':'/);
    expect(make('sign 101')).toThrow(/whitespace/);
    expect(make('tab\there')).toThrow(/whitespace/);
    expect(make('')).toThrow(/empty/);
    expect(() => mosquittoPasswordFile([{ username: 'a', password: 'p' }, { username: 'a', password: 'q' }])).toThrow(/twice/);
  });

  it('refuses an empty password', () => {
    const act = () => mosquittoPasswordFile([{ username: 'a', password: '' }]);

    expect(act).toThrow(/empty password/);
  });
});

describe('mosquitto acl_file', () => {
  it('writes a user line then one topic line per right, with a blank line between users', () => {
    const users = [
      { username: 'sign-101', read: ['doorside/s1/rooms/101/status', 'doorside/s1/devices/sign-101/commands'], write: ['doorside/s1/devices/sign-101/events'] },
      { username: 'gateway', read: [], write: [], readwrite: ['doorside/#'] },
    ];

    const text = mosquittoAclFile({ users });

    expect(text).toBe(
      [
        'user sign-101',
        'topic read doorside/s1/rooms/101/status',
        'topic read doorside/s1/devices/sign-101/commands',
        'topic write doorside/s1/devices/sign-101/events',
        '',
        'user gateway',
        'topic readwrite doorside/#',
        '',
      ].join('\n'),
    );
  });

  it('has no pattern lines and no anonymous topics before the first user', () => {
    const text = mosquittoAclFile({ users: [{ username: 'u', read: ['a/+/c'], write: ['a/b'] }] });

    const lines = text.split('\n').filter(Boolean);

    expect(lines[0]).toBe('user u');
    expect(lines.some((l) => l.startsWith('pattern'))).toBe(false);
  });

  it('refuses topics with whitespace, control characters or misplaced wildcards', () => {
    const acl = (topic: string) => () => mosquittoAclFile({ users: [{ username: 'u', read: [topic], write: [] }] });

    expect(acl('rooms/101 status')).toThrow(/whitespace/);
    expect(acl('rooms/101\nuser admin')).toThrow(/whitespace/);
    expect(acl('')).toThrow(/empty/);
    expect(acl('rooms/#/status')).toThrow(/'#'/);
    expect(acl('rooms/1+/status')).toThrow(/'\+'/);
  });

  it('refuses a username that would break the user line', () => {
    const act = () => mosquittoAclFile({ users: [{ username: 'sign 101', read: [], write: ['x'] }] });

    expect(act).toThrow(/whitespace/);
  });
});
