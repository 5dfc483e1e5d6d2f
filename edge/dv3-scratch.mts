import { startDovecot, rawMail } from './test/support/dovecot.ts';
import { ImapFlow } from 'imapflow';
const d = await startDovecot();
const t0 = Date.now();
const c = new ImapFlow({ host: '127.0.0.1', port: d.port, secure: false, auth: { user: d.user, pass: d.password }, logger: false });
try {
  await c.connect();
  await c.mailboxOpen('INBOX');
  c.on('exists', (e) => console.log('exists', e, Date.now() - t0));
  await new Promise((r) => setTimeout(r, 500));
  await d.append(rawMail({ from: 'a@b.example', to: 'x@y.example', subject: 'hi', text: 'hello' }));
  console.log('appended', Date.now() - t0);
  await new Promise((r) => setTimeout(r, 5000));
} catch (e) { console.log(e); }
finally { await c.logout(); console.log(d.log().split('\n').slice(-5).join('\n')); await d.remove(); }
