import { assertUsername, mosquittoAclFile, mosquittoPasswordLine, type MosquittoAclUser } from '@doorside/firmware-config';
import { integrationRights, topicRights } from '../broker/device-acl.ts';
import type { Directory } from '../store/directory.sqlite.ts';

/** What the files are made from: a SiteStore, or a read-only Directory with its site (see broker-files-cli.ts). */
export interface BrokerFilesSource {
  site: string;
  directory: Pick<Directory, 'devices' | 'brokerHashes' | 'integrationLines'>;
}

export interface BrokerFiles {
  passwordFile: string;
  aclFile: string;
  /** Live devices stored without a broker hash: they are left out of both files and cannot sign in. */
  missing: string[];
}

/**
 * Mosquitto's password_file and acl_file for a site on an external broker. Each live device
 * signs in with its own secret (the `$7$` hash stored when it was registered) and gets exactly
 * the topics the embedded broker would allow it (`topicRights`), an integration (Home Assistant)
 * reads what it reads there; the gateway gets the site's
 * tree and Home Assistant discovery. Revoked devices are absent, so a reload shuts them out.
 */
export function brokerFiles(source: BrokerFilesSource, gateway: { username: string; password: string }): BrokerFiles {
  assertUsername(gateway.username);
  const devices = new Map(source.directory.devices().map((d) => [d.id, d]));
  const missing: string[] = [];
  const lines: string[] = [];
  const users: MosquittoAclUser[] = [];
  for (const { id, brokerHash } of source.directory.brokerHashes()) {
    const device = devices.get(id);
    if (!device || device.revoked) continue;
    if (id === gateway.username) throw new Error(`the gateway's MQTT username "${id}" is also a device id`);
    if (brokerHash === null) {
      missing.push(id);
      continue;
    }
    assertUsername(id);
    if (!/^\$[67]\$\S+$/.test(brokerHash)) throw new Error(`device ${id} has a malformed broker hash`);
    lines.push(`${id}:${brokerHash}`);
    const { read, write } = topicRights(source.site, { id, room: device.room, kind: device.kind, revoked: false });
    users.push({ username: id, read, write });
  }
  for (const line of source.directory.integrationLines()) {
    const username = line.slice(0, line.indexOf(':'));
    lines.push(line);
    users.push({ username, ...integrationRights(source.site) });
  }
  lines.push(mosquittoPasswordLine(gateway.username, gateway.password));
  users.push({ username: gateway.username, read: [], write: [], readwrite: [`doorside/${source.site}/#`, 'homeassistant/#'] });
  return { passwordFile: `${lines.join('\n')}\n`, aclFile: mosquittoAclFile({ users }), missing };
}

export interface MosquittoConfOptions {
  port: number;
  /** Omit to listen on every interface, as devices on the LAN need. */
  host?: string;
  passwordFile: string;
  aclFile: string;
  /** A directory for mosquitto.db (retained messages survive a broker restart); omit for none. */
  persistenceDir?: string;
  /** Only when mosquitto starts as root: the user it switches to (`root` keeps it root). */
  user?: string;
}

/** A minimal mosquitto.conf (Mosquitto 2.0) that serves the generated files and nothing else. */
export function mosquittoConf(o: MosquittoConfOptions): string {
  return [
    '# Doorside: devices and the gateway sign in with their own credentials; nobody else gets in.',
    'per_listener_settings false',
    `listener ${o.port}${o.host ? ` ${o.host}` : ''}`,
    'allow_anonymous false',
    // A client's id is its username, whatever it sends: one device's credentials cannot take
    // another device's session (and so knock it off), as the embedded broker refuses too.
    'use_username_as_clientid true',
    `password_file ${o.passwordFile}`,
    `acl_file ${o.aclFile}`,
    // Room status is one small message; do not let Nagle hold it back (the embedded broker does the same).
    'set_tcp_nodelay true',
    ...(o.persistenceDir ? ['persistence true', `persistence_location ${o.persistenceDir.replace(/\/?$/, '/')}`] : ['persistence false']),
    ...(o.user ? [`user ${o.user}`] : []),
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    '',
  ].join('\n');
}
