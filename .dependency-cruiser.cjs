// @ts-check
// Architecture rules for the workspaces' source. `npm run check:architecture` and
// edge/test/architecture.test.ts run these plus the folder-cycle rule for edge/src, which
// dependency-cruiser cannot express: it groups files directly in edge/src into one folder,
// whereas each of them is its own node here.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const WORKSPACES = ['edge', 'kiosk', 'cloud-bridge', 'firmware-config'];
const ANY_WORKSPACE = `(${WORKSPACES.join('|')})`;

/** Tests, benches and their helpers may start a real gateway, so only the cycle rule covers them. */
const TEST_CODE = ['\\.test\\.ts$', '(^|/)test/', '(^|/)test-support/', '(^|/)bench/'];

/**
 * Adapters by name or folder. A file that imports an adapter package must carry one of these
 * names too: otherwise it counts as rule layer and the package import is a violation.
 * Files under rights/ and contracts/ are rule layer whatever their name.
 */
const ADAPTER_FILE =
  '^(?!edge/src/(rights|contracts)/)(' +
  [
    'edge/src/(store|http|broker|test-support)/',
    'edge/src/(gateway|main)\\.ts$',
    '.*\\.(sqlite|aedes|external|gpio|onoff)\\.ts$',
    '.*/routes\\.ts$',
    '.*-routes\\.ts$',
    '.*-cli\\.ts$',
  ].join('|') +
  ')';

/**
 * The rule layer: the rights table, the contracts, and the files in each capability folder
 * that decide (pure functions over data, no I/O). Adapters and the command modules that load
 * what these files need sit around them. A new rule file is added here by name.
 */
const RULE_FILE =
  '^edge/src/(' +
  [
    '(rights|contracts)/',
    'domain-error\\.ts$',
    'tickets/(decide|lifecycle|reject|dispute|dispute-refusal|assign|open-ticket|step|attach|release|rating|occupant-note|ticket-refusal|eligibility|internal-notes|context|errors|track-view|track-phase|available-actions|sla)\\.ts$',
    'rooms/(room-status|qr-code|occupant-room-view)\\.ts$',
    'devices/(device-intent|offline-alerts|home-assistant|device-configs)\\.ts$',
    'bridge/category-policy\\.ts$',
    'kpis/(kpi-report|kpi-window)\\.ts$',
    'stock/stock-ledger\\.ts$',
    'broker/device-acl\\.ts$',
    'gpio/panel-pins\\.ts$',
  ].join('|') +
  ')';

/**
 * Matches the resolved path, or the bare name when a package is not installed.
 * @param {string} names
 */
const pkg = (names) => `^(node_modules/)?(@types/)?(${names})(/|$)`;

const ADAPTER_PACKAGE = [
  pkg('fastify[^/]*|@fastify/[^/]+|aedes[^/]*|mqtt|better-sqlite3|node-cron|onoff|ws|sharp'),
  '^(node:)?(fs|fs/promises|net|child_process)$',
];

const BETTER_SQLITE3 = pkg('better-sqlite3');

/** @param {string} workspace */
const exportsOf = (workspace) =>
  JSON.parse(readFileSync(join(__dirname, workspace, 'package.json'), 'utf8')).exports ?? {};

/**
 * The file a workspace's package.json `exports` maps `subpath` to, e.g. edge/src/contracts/index.ts.
 * @param {string} workspace
 * @param {string} subpath
 */
function publicEntry(workspace, subpath) {
  const map = exportsOf(workspace);
  const target = typeof map === 'string' ? map : map[subpath];
  if (typeof target !== 'string') throw new Error(`${workspace}/package.json exports no ${subpath}`);
  return `${workspace}/${target.replace(/^\.\//, '')}`;
}

/**
 * Every file the workspace exports: its public entry points. None for a workspace without `exports`.
 * @param {string} workspace
 */
function publicEntries(workspace) {
  const map = exportsOf(workspace);
  const subpaths = typeof map === 'string' ? ['.'] : Object.keys(map);
  return subpaths.map((subpath) => publicEntry(workspace, subpath));
}

/** @param {string} file */
const exactly = (file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      comment: 'No import cycle between files of any workspace source (tests included).',
      severity: 'error',
      from: { path: `^${ANY_WORKSPACE}/src/` },
      to: { circular: true },
    },
    {
      name: 'rule-layer-imports-adapter-file',
      comment:
        'Rule files (RULE_FILE) stay pure: they import rule files, contracts and pure helpers, never an adapter.',
      severity: 'error',
      from: { path: RULE_FILE, pathNot: TEST_CODE },
      to: { path: ADAPTER_FILE },
    },
    {
      name: 'rule-layer-imports-adapter-package',
      comment:
        'A file that talks to HTTP, MQTT, SQLite, cron, GPIO, images, sockets, the file system or ' +
        'processes is an adapter and is named as one (e.g. *.sqlite.ts, *-routes.ts, *-cli.ts).',
      severity: 'error',
      from: { path: RULE_FILE, pathNot: TEST_CODE },
      to: { path: ADAPTER_PACKAGE },
    },
    {
      name: 'better-sqlite3-outside-store',
      comment: 'Only edge/src/store/** and *.sqlite.ts files touch better-sqlite3, type-only imports included.',
      severity: 'error',
      from: { pathNot: ['^edge/src/store/', '\\.sqlite\\.ts$', ...TEST_CODE] },
      to: { path: BETTER_SQLITE3 },
    },
    {
      name: 'kiosk-imports-edge-beyond-contracts',
      comment: 'The pages see edge only through @doorside/edge/contracts (and its light occupant and review parts).',
      severity: 'error',
      from: { path: '^kiosk/', pathNot: TEST_CODE },
      to: { path: '^edge/', pathNot: ['./contracts', './occupant-contracts', './review-contracts'].map((entry) => exactly(publicEntry('edge', entry))) },
    },
    {
      name: 'kiosk-imports-cloud-bridge-beyond-central-views',
      comment: 'The pages see cloud-bridge only through @doorside/cloud-bridge/central-views.',
      severity: 'error',
      from: { path: '^kiosk/', pathNot: TEST_CODE },
      to: { path: '^cloud-bridge/', pathNot: exactly(publicEntry('cloud-bridge', './central-views')) },
    },
    {
      name: 'workspace-imported-by-relative-path',
      comment: 'Another workspace is imported by its package name (@doorside/...), never by ../ paths.',
      severity: 'error',
      from: { path: `^${ANY_WORKSPACE}/`, pathNot: TEST_CODE },
      to: { path: `^${ANY_WORKSPACE}/`, pathNot: '^$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'workspace-imported-beyond-exports',
      comment: "Another workspace is imported only through what its package.json `exports` lists.",
      severity: 'error',
      from: { path: `^${ANY_WORKSPACE}/`, pathNot: TEST_CODE },
      to: {
        path: `^${ANY_WORKSPACE}/`,
        pathNot: ['^$1/', ...WORKSPACES.flatMap(publicEntries).map(exactly)],
      },
    },
    {
      name: 'unresolvable-import',
      comment:
        'Every import resolves. A deep import such as @doorside/edge/src/... fails here, ' +
        'because package.json `exports` does not list it.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (`import type Database from 'better-sqlite3'`).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
