import { createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Mosquitto 2's `password_file` and `acl_file`, written the way `mosquitto_passwd`
 * and the broker's own parser expect them.
 *
 * Password lines use Mosquitto's default hash since 2.0, `$7$` (sha512-pbkdf2):
 *   username:$7$<iterations>$<base64 salt>$<base64 hash>
 * with a 12-byte random salt, 101 PBKDF2-HMAC-SHA512 iterations and a 64-byte key,
 * both encoded as standard base64 with padding (see mosquitto's password_mosq.c).
 */
export const MOSQUITTO_PBKDF2_ITERATIONS = 101;
export const MOSQUITTO_SALT_BYTES = 12;
const HASH_BYTES = 64;

export interface MosquittoCredential {
  username: string;
  password: string;
}

export interface MosquittoAclUser {
  username: string;
  read: string[];
  write: string[];
  readwrite?: string[];
}

export function mosquittoPasswordFile(entries: MosquittoCredential[]): string {
  assertUniqueUsernames(entries.map((e) => e.username));
  return entries.map((e) => `${mosquittoPasswordLine(e.username, e.password)}\n`).join('');
}

/** One `$7$` line; exported so a caller can add a single device to an existing file. */
export function mosquittoPasswordLine(username: string, password: string, salt: Buffer = randomBytes(MOSQUITTO_SALT_BYTES)): string {
  assertUsername(username);
  if (password.length === 0) throw new Error(`empty password for MQTT user "${username}"`);
  if (salt.length !== MOSQUITTO_SALT_BYTES) throw new Error(`salt must be ${MOSQUITTO_SALT_BYTES} bytes`);
  const hash = pbkdf2Sync(password, salt, MOSQUITTO_PBKDF2_ITERATIONS, HASH_BYTES, 'sha512');
  return `${username}:$7$${MOSQUITTO_PBKDF2_ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * Does `password` match this password_file line? Accepts Mosquitto's `$7$`
 * (PBKDF2, any iteration count) and its legacy `$6$` (one SHA-512 of password + salt).
 * A malformed line is simply a mismatch.
 */
export function verifyMosquittoPassword(line: string, password: string): boolean {
  const trimmed = line.replace(/\r?\n$/, '');
  const colon = trimmed.indexOf(':');
  if (colon <= 0) return false;
  const fields = trimmed.slice(colon + 1).split('$');
  // "$7$101$salt$hash".split('$') → ['', '7', '101', 'salt', 'hash']
  if (fields[0] !== '') return false;
  let expected: Buffer;
  let actual: Buffer;
  if (fields[1] === '7' && fields.length === 5) {
    const iterations = Number(fields[2]);
    if (!Number.isInteger(iterations) || iterations < 1) return false;
    const salt = decodeBase64(fields[3]);
    expected = decodeBase64(fields[4]);
    if (salt.length === 0 || expected.length === 0) return false;
    actual = pbkdf2Sync(password, salt, iterations, expected.length, 'sha512');
  } else if (fields[1] === '6' && fields.length === 4) {
    const salt = decodeBase64(fields[2]);
    expected = decodeBase64(fields[3]);
    if (salt.length === 0 || expected.length === 0) return false;
    actual = createHash('sha512').update(password).update(salt).digest();
  } else {
    return false;
  }
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function mosquittoAclFile(acl: { users: MosquittoAclUser[] }): string {
  assertUniqueUsernames(acl.users.map((u) => u.username));
  const blocks = acl.users.map((user) => {
    assertUsername(user.username);
    const lines = [`user ${user.username}`];
    for (const [access, topics] of [['read', user.read], ['write', user.write], ['readwrite', user.readwrite ?? []]] as const) {
      for (const topic of topics) {
        assertTopicFilter(topic);
        lines.push(`topic ${access} ${topic}`);
      }
    }
    return `${lines.join('\n')}\n`;
  });
  return blocks.join('\n');
}

/**
 * Usernames go in front of ':' in password_file and after `user ` in acl_file:
 * no ':', no whitespace, no control characters, and not empty.
 */
export function assertUsername(username: string): void {
  if (username.length === 0) throw new Error('empty MQTT username');
  if (/[:\s\u0000-\u001f\u007f]/u.test(username)) {
    throw new Error(`MQTT username ${JSON.stringify(username)} must not contain ':', whitespace or control characters`);
  }
  if (Buffer.byteLength(username, 'utf8') > 65535) throw new Error('MQTT username longer than 65535 bytes');
}

/** A valid MQTT topic filter with nothing that would split or end an acl_file line. */
export function assertTopicFilter(topic: string): void {
  if (topic.length === 0) throw new Error('empty MQTT topic');
  if (/[\s\u0000-\u001f\u007f]/u.test(topic)) {
    throw new Error(`MQTT topic ${JSON.stringify(topic)} must not contain whitespace or control characters`);
  }
  if (Buffer.byteLength(topic, 'utf8') > 65535) throw new Error('MQTT topic longer than 65535 bytes');
  const levels = topic.split('/');
  levels.forEach((level, i) => {
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) {
      throw new Error(`MQTT topic ${JSON.stringify(topic)}: '#' must be a whole, final level`);
    }
    if (level.includes('+') && level !== '+') {
      throw new Error(`MQTT topic ${JSON.stringify(topic)}: '+' must be a whole level`);
    }
  });
}

function assertUniqueUsernames(usernames: string[]): void {
  const seen = new Set<string>();
  for (const name of usernames) {
    if (seen.has(name)) throw new Error(`MQTT user "${name}" listed twice`);
    seen.add(name);
  }
}

function decodeBase64(text: string | undefined): Buffer {
  if (text === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return Buffer.alloc(0);
  return Buffer.from(text, 'base64');
}
