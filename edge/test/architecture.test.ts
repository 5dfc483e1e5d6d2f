import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchitecture, describeViolations, type Violation } from './support/architecture.ts';
import { fixtureRoots, writeArchitectureFixture } from './support/architecture-fixture.ts';

describe('the workspaces’ source', () => {
  it('keeps every architecture rule', async () => {
    const violations = await checkArchitecture();

    expect(violations, describeViolations(violations)).toHaveLength(0);
  });
});

describe('the walk through one rejection (docs/architecture.md)', () => {
  it('names only files that exist in edge/src', () => {
    const walk = readFileSync(resolve(import.meta.dirname, '../../docs/architecture.md'), 'utf8');
    const named = [...new Set([...walk.matchAll(/`([a-z-]+\/[a-z./-]+\.ts)`/g)].map((m) => m[1]!))];

    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((file) => !existsSync(resolve(import.meta.dirname, '../src', file)))).toEqual([]);
  });
});

const asLines = (violations: Violation[]) => violations.map(({ rule, from, to }) => `${rule}: ${from} → ${to}`);

const eachRuleBrokenOnce: Array<[string, string[]]> = [
  ['a cycle between two folders of edge/src', [
    'no-folder-cycle: edge/src/alpha → edge/src/beta',
    'no-folder-cycle: edge/src/beta → edge/src/alpha',
  ]],
  ['a cycle between two files', ['no-file-cycle: kiosk/src/pages/page.ts → kiosk/src/pages/view.ts']],
  ['a rule file importing an adapter file', [
    'rule-layer-imports-adapter-file: edge/src/tickets/decide.ts → edge/src/tickets/ticket-rows.sqlite.ts',
  ]],
  ['a rule file importing an adapter package or node:fs, type-only imports included', [
    'rule-layer-imports-adapter-package: edge/src/tickets/lifecycle.ts → node_modules/fastify/index.js',
    'rule-layer-imports-adapter-package: edge/src/rooms/room-status.ts → fs',
  ]],
  ['better-sqlite3 outside the store and *.sqlite.ts files, type-only imports included', [
    'better-sqlite3-outside-store: edge/src/rooms/routes.ts → node_modules/better-sqlite3/index.js',
    'better-sqlite3-outside-store: cloud-bridge/src/central/site-log.ts → node_modules/better-sqlite3/index.js',
  ]],
  ['the kiosk importing edge other than through its contracts', [
    'kiosk-imports-edge-beyond-contracts: kiosk/src/pages/audit-trail.ts → edge/src/audit/public.ts',
  ]],
  ['the kiosk importing cloud-bridge other than through its central views', [
    'kiosk-imports-cloud-bridge-beyond-central-views: kiosk/src/pages/central.ts → cloud-bridge/src/protocol.ts',
  ]],
  ['another workspace imported by a relative path', [
    'workspace-imported-by-relative-path: kiosk/src/pages/relative.ts → edge/src/contracts/index.ts',
  ]],
  ['another workspace imported beyond its package exports', [
    'workspace-imported-beyond-exports: cloud-bridge/src/central/pages.ts → kiosk/src/pages/page.ts',
  ]],
  ['a deep import into a workspace package', [
    'unresolvable-import: kiosk/src/pages/deep.ts → @doorside/edge/src/tickets/decide.ts',
  ]],
];

describe('the architecture check, on a tree that breaks each rule once', () => {
  let dir: string;
  let found: string[] = [];

  beforeAll(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'doorside-architecture-')));
    writeArchitectureFixture(dir);
    found = asLines(await checkArchitecture(dir, fixtureRoots));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(eachRuleBrokenOnce)('reports %s', (_, expected) => {
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('reports nothing else: tests, adapters and imports through package exports pass', () => {
    const expected = eachRuleBrokenOnce.flatMap(([, lines]) => lines);

    expect(found.toSorted()).toEqual(expected.toSorted());
  });
});
