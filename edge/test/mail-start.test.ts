import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendRaw } from '../src/test-support/smtp-dialogue.ts';
import { startGatewayProcess } from '../src/test-support/gateway-process.ts';

describe('mail when the gateway starts', () => {
  it('prints the inbound SMTP address and writes the mail section of the credentials file', async () => {
    const gateway = await startGatewayProcess({ DOORSIDE_MAIL_DOMAIN: 'house.example.org' });
    try {
      const { mail } = gateway.creds;

      expect(mail).toEqual({ smtp: expect.stringMatching(/^127\.0\.0\.1:\d+$/), inquiries: 'inquiries@house.example.org', outbox: join(gateway.dir, 'outbox') });
      expect(gateway.out.stdout).toContain(`smtp://${mail!.smtp}`);
      const { data } = await sendRaw(Number(mail!.smtp!.split(':')[1]), 'a@tenant.example', [mail!.inquiries], 'From: a@tenant.example\r\nSubject: hi\r\n\r\nhi');
      expect(data.slice(0, 3)).toBe('250');
    } finally {
      await gateway.stop();
    }
  }, 60_000);

  it('runs no listener with DOORSIDE_SMTP_PORT=off', async () => {
    const gateway = await startGatewayProcess({ DOORSIDE_SMTP_PORT: 'off' });
    try {
      expect(gateway.creds.mail).toMatchObject({ smtp: null, inquiries: 'inquiries@demo.doorside.local' });
      expect(gateway.out.stdout).toMatch(/Mail in\s+off/);
    } finally {
      await gateway.stop();
    }
  }, 60_000);
});
