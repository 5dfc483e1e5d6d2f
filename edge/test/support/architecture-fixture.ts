import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './architecture.ts';

/**
 * A miniature of the repository that breaks each architecture rule once (the rule in the
 * comment beside the file), next to imports the rules allow. The workspaces keep the real
 * package.json `exports`, because the rules read the public entry points from those.
 */

const sources: Record<string, string> = {
  'edge/src/contracts/index.ts': `export const DoorId = 'door';\n`,
  'edge/src/domain-error.ts': `export class DomainError extends Error {}\n`,
  'edge/src/audit/public.ts': `export const GENESIS = '0';\n`,
  // no-folder-cycle: alpha → beta → alpha, without a cycle between files
  'edge/src/alpha/first.ts': `import { second } from '../beta/second.ts';\nexport const first = second;\n`,
  'edge/src/beta/second.ts': `import { third } from '../alpha/third.ts';\nexport const second = third;\n`,
  'edge/src/alpha/third.ts': `export const third = 3;\n`,
  // rule-layer-imports-adapter-file: the sqlite import; contracts and domain-error are fine
  'edge/src/tickets/decide.ts': [
    `import { DoorId } from '../contracts/index.ts';`,
    `import { DomainError } from '../domain-error.ts';`,
    `import { loadTicket } from './ticket-rows.sqlite.ts';`,
    `export const decide = () => [DoorId, DomainError, loadTicket];`,
  ].join('\n'),
  'edge/src/tickets/ticket-rows.sqlite.ts': `import Database from 'better-sqlite3';\nexport const loadTicket = Database;\n`,
  // rule-layer-imports-adapter-package, type-only
  'edge/src/tickets/lifecycle.ts': `import type { FastifyInstance } from 'fastify';\nexport type App = FastifyInstance;\n`,
  // rule-layer-imports-adapter-package, a core module
  'edge/src/rooms/room-status.ts': `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`,
  // better-sqlite3-outside-store: an adapter, but not a *.sqlite.ts one; type-only
  'edge/src/rooms/routes.ts': `import type Database from 'better-sqlite3';\nexport type Db = Database.Database;\n`,
  'edge/src/store/site-store.ts': `import Database from 'better-sqlite3';\nexport const open = Database;\n`,
  'edge/src/gateway.ts': [
    `import fastify from 'fastify';`,
    `import { secret } from '@doorside/firmware-config';`,
    `import { decide } from './tickets/decide.ts';`,
    `import { open } from './store/site-store.ts';`,
    `export const startGateway = () => [fastify, secret, decide, open];`,
  ].join('\n'),
  'edge/src/test-support/test-gateway.ts': `export { startGateway } from '../gateway.ts';\n`,
  // Tests may reach anything, and a test beside the code adds no folder edge.
  'edge/src/tickets/decide.test.ts': [
    `import Database from 'better-sqlite3';`,
    `import { startGateway } from '../test-support/test-gateway.ts';`,
    `export const used = [Database, startGateway];`,
  ].join('\n'),
  'firmware-config/src/index.ts': `export const secret = 's';\n`,
  'cloud-bridge/src/protocol.ts': `export type Batch = string[];\n`,
  'cloud-bridge/src/central/office-contract.ts': `import { DoorId } from '@doorside/edge/contracts';\nexport const Office = DoorId;\n`,
  'cloud-bridge/src/central/sql-driver.sqlite.ts': `import Database from 'better-sqlite3';\nexport const driver = Database;\n`,
  // better-sqlite3-outside-store, in cloud-bridge
  'cloud-bridge/src/central/site-log.ts': `import Database from 'better-sqlite3';\nexport const log = Database;\n`,
  // workspace-imported-beyond-exports: kiosk exports nothing
  'cloud-bridge/src/central/pages.ts': `import { page } from '@doorside/kiosk/src/pages/page.ts';\nexport const pages = page;\n`,
  // no-file-cycle
  'kiosk/src/pages/page.ts': `import { DoorId } from '@doorside/edge/contracts';\nimport { view } from './view.ts';\nexport const page = () => [DoorId, view];\n`,
  'kiosk/src/pages/view.ts': `import { page } from './page.ts';\nexport const view = () => page;\n`,
  'kiosk/src/pages/offices.ts': `import { Office } from '@doorside/cloud-bridge/central-views';\nexport const offices = Office;\n`,
  // kiosk-imports-edge-beyond-contracts: public, but not the contracts
  'kiosk/src/pages/audit-trail.ts': `import { GENESIS } from '@doorside/edge/audit';\nexport const trail = GENESIS;\n`,
  // kiosk-imports-cloud-bridge-beyond-central-views
  'kiosk/src/pages/central.ts': `import type { Batch } from '@doorside/cloud-bridge/protocol';\nexport type Shown = Batch;\n`,
  // workspace-imported-by-relative-path: the right file, the wrong way
  'kiosk/src/pages/relative.ts': `import { DoorId } from '../../../edge/src/contracts/index.ts';\nexport const door = DoorId;\n`,
  // unresolvable-import: a deep import that package.json exports does not allow
  'kiosk/src/pages/deep.ts': `import { decide } from '@doorside/edge/src/tickets/decide.ts';\nexport const deep = decide;\n`,
  // Kiosk tests may start a real gateway.
  'kiosk/test/pages.test.ts': `import { startGateway } from '../../edge/src/test-support/test-gateway.ts';\nexport const used = startGateway;\n`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true, noEmit: true },
  }),
  'node_modules/better-sqlite3/package.json': JSON.stringify({ name: 'better-sqlite3', main: 'index.js' }),
  'node_modules/better-sqlite3/index.js': `module.exports = function Database() {};\n`,
  'node_modules/fastify/package.json': JSON.stringify({ name: 'fastify', main: 'index.js' }),
  'node_modules/fastify/index.js': `module.exports = function fastify() {};\n`,
};

export const fixtureRoots = ['edge/src', 'kiosk/src', 'kiosk/test', 'cloud-bridge/src', 'firmware-config/src'];

/** Writes the miniature into `dir`, an empty directory. */
export function writeArchitectureFixture(dir: string): void {
  for (const [file, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  mkdirSync(join(dir, 'node_modules', '@doorside'), { recursive: true });
  for (const workspace of ['edge', 'kiosk', 'cloud-bridge', 'firmware-config']) {
    const { name, exports } = JSON.parse(readFileSync(join(repoRoot, workspace, 'package.json'), 'utf8'));
    writeFileSync(join(dir, workspace, 'package.json'), JSON.stringify({ name, type: 'module', exports }));
    symlinkSync(join('..', '..', workspace), join(dir, 'node_modules', '@doorside', workspace));
  }
}
