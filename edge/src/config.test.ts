import { describe, expect, it } from 'vitest';
import { demoGpioConfig, loadConfig } from './config.ts';
import { imapUrlForPeople, parseImapUrl } from './mail/imap-puller.ts';

describe('the gateway configuration', () => {
  it('runs the demo site on loopback with the documented defaults', () => {
    const config = loadConfig({ INIT_CWD: '/srv/doorside' });

    expect(config).toMatchObject({
      site: 'demo', host: '127.0.0.1', httpPort: 8080, mqttPort: 1883, dataDir: '/srv/doorside/data',
      offlineAlertMinutes: 10, homeAssistant: false, gpioConfig: demoGpioConfig, backups: { keep: 7 },
    });
    expect(config).not.toHaveProperty('externalBroker');
  });

  it('lists every problem, not just the first', () => {
    const config = loadConfig({ DOORSIDE_HTTP_PORT: 'abc', DOORSIDE_MQTT_PORT: '70000', DOORSIDE_SITE: 'Main Site' });

    expect('problems' in config && config.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DOORSIDE_HTTP_PORT', 'DOORSIDE_MQTT_PORT', 'DOORSIDE_SITE']);
  });

  it('joins an external broker only with the gateway password, and can switch GPIO off', () => {
    const withoutPassword = loadConfig({ DOORSIDE_MQTT_URL: 'mqtt://broker.local:1883' });
    const complete = loadConfig({ DOORSIDE_MQTT_URL: 'mqtt://broker.local:1883', DOORSIDE_MQTT_PASSWORD: 's3cret', DOORSIDE_GPIO_CONFIG: 'off' });

    expect('problems' in withoutPassword && withoutPassword.problems[0]).toMatch(/^DOORSIDE_MQTT_PASSWORD: /);
    expect(complete).toMatchObject({ externalBroker: { url: 'mqtt://broker.local:1883', username: 'doorside-gateway', password: 's3cret' } });
    expect(complete).not.toHaveProperty('gpioConfig');
  });

  it('reads the extra origins allowed to open the live feed, and refuses what is not an origin', () => {
    const none = loadConfig({});
    const two = loadConfig({ DOORSIDE_ALLOWED_ORIGINS: ' https://Panels.Example.com , http://10.0.0.5:8080 ' });
    const bad = loadConfig({ DOORSIDE_ALLOWED_ORIGINS: 'https://ok.example,ftp://files.example,https://x.example/path' });

    expect(none).toMatchObject({ allowedOrigins: [] });
    expect(two).toMatchObject({ allowedOrigins: ['https://panels.example.com', 'http://10.0.0.5:8080'] });
    expect('problems' in bad && bad.problems.map((p) => p.split(':')[0])).toEqual(['DOORSIDE_ALLOWED_ORIGINS.1', 'DOORSIDE_ALLOWED_ORIGINS.2']);
  });

  it('keeps as many daily backups as asked, or takes none when they are off', () => {
    const keepTen = loadConfig({ DOORSIDE_BACKUP_KEEP: '10' });
    const off = loadConfig({ DOORSIDE_BACKUP: 'off' });
    const wrong = loadConfig({ DOORSIDE_BACKUP: 'daily', DOORSIDE_BACKUP_KEEP: '0' });

    expect(keepTen).toMatchObject({ backups: { keep: 10 } });
    expect(off).not.toHaveProperty('backups');
    expect('problems' in wrong && wrong.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DOORSIDE_BACKUP', 'DOORSIDE_BACKUP_KEEP']);
  });

  it('pulls the IMAP mailbox of DOORSIDE_IMAP_URL, and refuses a URL without user or host', () => {
    const imap = loadConfig({ DOORSIDE_IMAP_URL: 'imaps://desk%40example.org:s3cret@mail.example.org/Inquiries' });
    const none = loadConfig({});
    const wrong = loadConfig({ DOORSIDE_IMAP_URL: 'imaps://mail.example.org/INBOX' });
    const notImap = loadConfig({ DOORSIDE_IMAP_URL: 'https://a:b@mail.example.org/' });

    expect(imap).toMatchObject({ mail: { imap: { url: 'imaps://desk%40example.org:s3cret@mail.example.org/Inquiries' } } });
    expect('mail' in none && none.mail).not.toHaveProperty('imap');
    expect('problems' in wrong && wrong.problems[0]).toMatch(/^DOORSIDE_IMAP_URL: /);
    expect('problems' in notImap && notImap.problems[0]).toMatch(/^DOORSIDE_IMAP_URL: /);
    expect(parseImapUrl('imaps://desk%40example.org:s3cret@mail.example.org/Inquiries')).toEqual({
      secure: true, host: 'mail.example.org', port: 993, user: 'desk@example.org', pass: 's3cret', mailbox: 'Inquiries',
    });
    expect(parseImapUrl('imap://desk:pw@10.0.0.5').port).toBe(143);
    expect(parseImapUrl('imap://desk:pw@10.0.0.5').mailbox).toBe('INBOX');
    expect(imapUrlForPeople('imaps://desk:s3cret@mail.example.org/INBOX')).toBe('imaps://desk@mail.example.org/INBOX');
  });
});
