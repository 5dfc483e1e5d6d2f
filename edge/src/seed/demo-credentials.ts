import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PublicAddress } from '../http/public-address.ts';
import type { DemoSecrets } from './seed-demo.ts';
import { demoTenants } from './demo-inquiries.ts';

/** A demo vendor with its contacts, and the open work orders sent to it: each contact's link, as the vendor's mail carries it. */
const DemoVendor = z.object({
  id: z.string(),
  name: z.string(),
  trade: z.string(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), language: z.string() })),
  workOrders: z.array(z.object({ id: z.string(), title: z.string(), contact: z.string(), url: z.string() })),
});
export type DemoVendor = z.infer<typeof DemoVendor>;

export const DemoCredentials = z.object({
  site: z.string(),
  /** Where the gateway listens (what tools on this machine use). */
  http: z.string(),
  /** Where phones and devices reach it (`DOORSIDE_PUBLIC_URL`, else the listening address); every URL below is built on it. */
  public: z.string().optional(),
  mqtt: z.string(),
  urls: z.object({ dashboard: z.string().nullable(), staff: z.string().nullable(), api: z.string(), openapi: z.string(), portal: z.string().nullable().optional() }),
  /** The demo's tenants: they sign in at `urls.portal` by a link mailed to this address (no password). */
  tenants: z.array(z.object({ name: z.string(), email: z.string(), company: z.string(), role: z.string() })).optional(),
  users: z.array(z.object({ username: z.string(), password: z.string(), role: z.string() })),
  panels: z.array(z.object({ room: z.string(), pin: z.string(), url: z.string().nullable() })),
  devices: z.array(z.object({ id: z.string(), room: z.string(), kind: z.string(), username: z.string(), password: z.string(), url: z.string().nullable() })),
  rooms: z.array(z.object({ id: z.string(), name: z.string(), qr: z.string(), reportUrl: z.string(), reportApi: z.string(), shortUrl: z.string().optional() })),
  /** MQTT accounts for integrations such as Home Assistant, when switched on. */
  integrations: z.array(z.object({ name: z.string(), username: z.string(), password: z.string() })).optional(),
  /** The cloud bridge's key for this gateway's bridge routes (`authorization: Bearer <key>`). */
  bridge: z.object({ key: z.string() }).optional(),
  /** Mail in and out: the SMTP listener (host:port, null when off), the inquiry address, where outgoing mail is written without a relay, the IMAP mailbox pulled (no password). */
  mail: z.object({ smtp: z.string().nullable(), inquiries: z.string(), outbox: z.string().nullable(), imap: z.string().optional() }).optional(),
  /** The demo's vendors (service parties) and the vendor link of each open work order sent to them. */
  vendors: z.array(DemoVendor).optional(),
});
export type DemoCredentials = z.infer<typeof DemoCredentials>;

export const credentialsFile = (dataDir: string) => join(dataDir, 'demo-credentials.json');

export interface Endpoints { site: string; http: string; mqtt: string; public: string }

/** The secrets with today's addresses: the links are built on the public address. */
export function credentialsFor(secrets: DemoSecrets, at: Endpoints): DemoCredentials {
  const links = new PublicAddress(at.public);
  return {
    site: at.site,
    http: at.http,
    public: links.base,
    mqtt: at.mqtt,
    urls: { dashboard: links.page('/dashboard'), staff: links.page('/staff'), api: links.page('/api'), openapi: links.page('/api/openapi.json'), portal: links.page('/portal') },
    tenants: demoTenants(),
    users: secrets.users,
    panels: secrets.panels.map((p) => ({ ...p, url: links.panelUrl(p.room) })),
    devices: secrets.devices.map((d) => ({ id: d.id, room: d.room, kind: d.kind, username: d.id, password: d.password, url: d.kind === 'sign' ? links.signUrl(d.room, d.id, d.password) : null })),
    rooms: secrets.rooms.map((r) => ({ ...r, reportUrl: links.reportUrl(r.id, r.qr), reportApi: links.reportApi(r.id, r.qr), shortUrl: links.shortUrl(r.qr) })),
  };
}

export function writeCredentials(dataDir: string, credentials: DemoCredentials): string {
  const file = credentialsFile(dataDir);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** A later start keeps the secrets and refreshes the addresses (the ports may have changed). */
export function refreshCredentials(dataDir: string, at: Endpoints): DemoCredentials | undefined {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const old = DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
  const secrets: DemoSecrets = {
    users: old.users,
    panels: old.panels.map(({ room, pin }) => ({ room, pin })),
    devices: old.devices.map(({ id, room, kind, password }) => ({ id, room, kind: kind as DemoSecrets['devices'][number]['kind'], password })),
    rooms: old.rooms.map(({ id, name, qr }) => ({ id, name, qr })),
  };
  const fresh = {
    ...credentialsFor(secrets, at), ...(old.integrations ? { integrations: old.integrations } : {}), ...(old.bridge ? { bridge: old.bridge } : {}),
    ...(old.mail ? { mail: old.mail } : {}), ...(old.vendors ? { vendors: vendorsAt(old.vendors, new PublicAddress(at.public)) } : {}),
  };
  writeCredentials(dataDir, fresh);
  return fresh;
}

/** The vendor links on today's public address: the token is the link's last segment. */
const vendorsAt = (vendors: DemoVendor[], links: PublicAddress): DemoVendor[] =>
  vendors.map((v) => ({ ...v, workOrders: v.workOrders.map((o) => ({ ...o, url: links.vendorUrl(decodeURIComponent(new URL(o.url).pathname.split('/').pop() ?? '')) })) }));

/** Writes the demo vendors and their work order links, if the site has the credentials file. */
export function addVendorCredentials(dataDir: string, vendors: DemoVendor[]): boolean {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return false;
  const current = DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
  writeCredentials(dataDir, { ...current, vendors });
  return true;
}

/** Adds an integration's MQTT account to the demo credentials, if the site has that file. */
export function addIntegrationCredentials(dataDir: string, entry: { name: string; username: string; password: string }): boolean {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return false;
  const current = DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
  const others = (current.integrations ?? []).filter((i) => i.name !== entry.name);
  writeCredentials(dataDir, { ...current, integrations: [...others, entry] });
  return true;
}

/** Hands the cloud bridge's key over through the demo credentials file, if the site has one. */
export function addBridgeCredentials(dataDir: string, key: string): boolean {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return false;
  const current = DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
  writeCredentials(dataDir, { ...current, bridge: { key } });
  return true;
}

/** Writes the mail section (addresses change with the ports), if the site has the credentials file. */
export function addMailCredentials(dataDir: string, mail: NonNullable<DemoCredentials['mail']>): DemoCredentials | undefined {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const current = DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
  const fresh = { ...current, mail };
  writeCredentials(dataDir, fresh);
  return fresh;
}
