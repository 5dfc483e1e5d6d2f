import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { acceptsConnections, freePort } from './ports.ts';

/**
 * A real Dovecot IMAP server for tests: run as the current user from a temp dir (its own
 * base_dir, state_dir, maildir and log), plain text login without TLS on a free 127.0.0.1
 * port, one user with a random password. `stop` ends it; `start` brings it back on the same
 * port with the same mailbox (a server that went away and came back).
 */

/** The dovecot binary (Debian puts it in /usr/sbin, often not on a user's PATH), or null. */
export const dovecotBinary: string | null = (() => {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].filter(Boolean);
  for (const dir of dirs) {
    try {
      accessSync(join(dir, 'dovecot'), constants.X_OK);
      return join(dir, 'dovecot');
    } catch { /* not here */ }
  }
  return null;
})();

/** For `describe.skipIf(!dovecotBinary)(dovecotTitle('...'))`: a skipped run says why, loudly. */
export const dovecotTitle = (title: string) =>
  (dovecotBinary ? title : `SKIPPED, NO DOVECOT BINARY (apt-get install -y dovecot-imapd): ${title}`);

export interface RunningDovecot {
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port/INBOX`, as DOORSIDE_IMAP_URL takes it. */
  url: string;
  log(): string;
  /** Appends a raw message to the mailbox (IMAP APPEND), as a delivery agent would. */
  append(raw: string | Buffer, mailbox?: string): Promise<void>;
  /** How many messages the mailbox holds, and which of them carry \Seen. */
  count(mailbox?: string): Promise<{ exists: number; seen: number }>;
  /** Ends every IMAP session the server holds (the connection cut from the server side). */
  kickAll(): void;
  /** Stops the server; the mailbox stays on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same port (nothing when it runs). */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}



/** Who owns the mailbox: the current user, or `nobody` when the tests run as root (dovecot keeps root out of mail processes). */
function mailOwner(): { uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid };
  const nobody = execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim();
  const group = execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim();
  return { uid: Number(nobody), gid: Number(group) };
}

function config(dir: string, port: number): string {
  const me = userInfo();
  const version = execFileSync(dovecotBinary!, ['--version'], { encoding: 'utf8' }).trim();
  const major = Number(version.split('.')[0]);
  const modern = major >= 3 || (major === 2 && Number(version.split('.')[1]) >= 4);
  return [
    // 2.4 renamed the cleartext switch and wants its config version named.
    ...(modern ? [`dovecot_config_version = ${version.split(' ')[0]}`, `dovecot_storage_version = ${version.split(' ')[0]}`] : []),
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'protocols = imap',
    // IDLE tells of new mail within a second even where inotify does not reach the maildir.
    'mailbox_idle_check_interval = 1 secs',
    'ssl = no',
    modern ? 'auth_allow_cleartext = yes' : 'disable_plaintext_auth = no',
    `default_internal_user = ${me.username}`,
    `default_internal_group = ${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`,
    // Dovecot refuses to run its login processes as root: a root test run lends them `nobody`.
    `default_login_user = ${me.uid === 0 ? 'nobody' : me.username}`,
    `mail_location = maildir:${join(dir, 'mail', '%u')}`,
    'service imap-login {',
    `  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }`,
    '  inet_listener imaps {\n    port = 0\n  }',
    '}',
    'service anvil {\n  chroot =\n}',
    'service imap-login {\n  chroot =\n}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}`,
    '}',
    'userdb {',
    '  driver = passwd-file',
    `  args = username_format=%u ${join(dir, 'users')}`,
    '}',
    '',
  ].join('\n');
}

/** Starts dovecot and resolves once it accepts TCP connections. */
export async function startDovecot(): Promise<RunningDovecot> {
  if (!dovecotBinary) throw new Error('no dovecot binary: apt-get install -y dovecot-imapd');
  const dir = mkdtempSync(join(tmpdir(), 'doorside-dovecot-'));
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const user = 'frontdesk';
  const password = randomBytes(12).toString('hex');
  const owner = mailOwner();
  if (owner.uid !== userInfo().uid) {
    chmodSync(dir, 0o711);
    chownSync(join(dir, 'mail'), owner.uid, owner.gid);
  }
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${join(dir, 'mail', user)}\n`, { mode: 0o600 });
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port));
  let child: ChildProcess | null = null;
  const log = () => { try { return readFileSync(join(dir, 'dovecot.log'), 'utf8'); } catch { return ''; } };

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    // -F: in the foreground, so the test owns the process and its end.
    const proc = spawn(dovecotBinary!, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child = proc;
    const deadline = Date.now() + 10_000;
    while (!(await acceptsConnections(port))) {
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`dovecot did not start on 127.0.0.1:${port}:\n${err}\n${log()}`);
      await sleep(20);
    }
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
    // Its children (imap, imap-login) may take a moment to close the port.
    const deadline = Date.now() + 5_000;
    while (await acceptsConnections(port) && Date.now() < deadline) await sleep(20);
  };
  const session = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  await start();
  return {
    port, user, password, url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`, log,
    append: (raw, mailbox = 'INBOX') => session(async (c) => { await c.append(mailbox, raw); }),
    count: (mailbox = 'INBOX') => session(async (c) => {
      const status = await c.status(mailbox, { messages: true, unseen: true });
      if (!status) throw new Error(`no mailbox ${mailbox}`);
      return { exists: status.messages ?? 0, seen: (status.messages ?? 0) - (status.unseen ?? 0) };
    }),
    kickAll: () => {
      execFileSync('/usr/bin/doveadm', ['-c', conf, 'kick', user], { stdio: 'ignore' });
    },
    stop, start,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain message as a mail client writes it. */
export function rawMail(o: { from: string; to: string; subject: string; text: string; messageId?: string; inReplyTo?: string }): string {
  const id = o.messageId ?? `<${randomBytes(8).toString('hex')}@tenant.example>`;
  return [
    `From: ${o.from}`, `To: ${o.to}`, `Subject: ${o.subject}`, `Message-ID: ${id}`, `Date: ${new Date().toUTCString()}`,
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`, `References: ${o.inReplyTo}`] : []),
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', o.text, '',
  ].join('\r\n');
}
