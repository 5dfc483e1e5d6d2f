import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { pageShells, shellHtml } from './src/pages/page-shells.ts';
import { writeAppFiles } from './src/icons/app-files.ts';

/** Every page's JavaScript must stay under this, gzipped: signs, panels and phones run on small boards and weak links. */
const BUDGET_BYTES = 150 * 1024;
/**
 * The office pages, opened on desktops and laptops, may carry more; their rarer sections load on demand.
 * Their words do not (every catalog is in the entry), so each section's words in four languages count here.
 */
const OFFICE_BUDGET_BYTES: Record<string, number> = { dashboard: 204 * 1024, central: 175 * 1024 };
/** The vendor's page opens from a mail on a phone out on a job, often on mobile data. The tenant portal is an occupant's page on a phone: it stays inside the occupant pages' budget, with room to spare for its documents and surveys. */
const PHONE_BUDGET_BYTES: Record<string, number> = { vendor: 110 * 1024, portal: 130 * 1024 };
const budgetOf = (page: string) => OFFICE_BUDGET_BYTES[page] ?? PHONE_BUDGET_BYTES[page] ?? BUDGET_BYTES;
/** The service worker wakes on a push with the phone asleep: it carries only the push words. */
const WORKER_BUDGET_BYTES = 20 * 1024;

const root = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(root, 'src', 'pages');
const dist = join(root, 'dist');

const pages = readdirSync(pagesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(pagesDir, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();

mkdirSync(dist, { recursive: true });

/** Pages are replaced file by file (write, then rename), so a gateway serving them never sees a missing or half-written file. */
function replaceFile(path: string, contents: string | Uint8Array): void {
  const next = `${path}.${process.pid}.next`;
  writeFileSync(next, contents);
  renameSync(next, path);
}

/**
 * The gateway's zod contracts import `z` as a namespace, which drags in zod's error
 * messages for ~40 languages (~260 kB minified). Pages show their own texts by error
 * code, so only the default English messages zod installs itself are kept.
 */
const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      (/[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
    // The pages' Content-Security-Policy allows no eval: zod is told so where its settings are
    // made, before any schema exists, whichever chunk a page's schemas land in.
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nglobalConfig.jitless = true;\n`, loader: 'js',
    }));
  },
};

/**
 * The central server's view schemas share a module with its sign-in directory, which
 * imports the gateway's server-side HTTP helpers (argon2, node:crypto). A page uses only
 * the schemas, so those helpers are replaced by an empty module marked free of side
 * effects, and esbuild drops every import of it.
 */
const withoutServerHelpers: Plugin = {
  name: 'without-server-helpers',
  setup(b) {
    b.onResolve({ filter: /^@doorside\/edge\/http$/ }, () => ({ path: 'edge-http', namespace: 'without-server-helpers', sideEffects: false }));
    b.onLoad({ filter: /.*/, namespace: 'without-server-helpers' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * Every page would otherwise carry every page's texts in four languages. A page keeps the
 * catalog entries whose key prefix (`status.`, `panel.`, `dash.` …) its own code mentions:
 * a first pass bundles it with empty catalogs to see which prefixes it uses.
 */
// One file per language and page area: `src/i18n/<lang>/<area>.ts`.
const catalogFile = /[\\/]src[\\/]i18n[\\/][a-z]{2,3}(?:-[a-z]+)?[\\/][a-z-]+\.ts$/i;
const entryLine = /^\s*'([a-zA-Z]+)\.[^']*':/;

function catalogsFor(keep: (prefix: string) => boolean): Plugin {
  return {
    name: 'catalogs-for-page',
    setup(b) {
      b.onLoad({ filter: catalogFile }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!/^export const \w+(?::[^=]+)?\s*=\s*\{/m.test(source)) return undefined;
        const lines = source.split('\n').filter((line) => {
          const prefix = entryLine.exec(line)?.[1];
          return prefix === undefined || keep(prefix);
        });
        return { contents: lines.join('\n'), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

const options = {
  bundle: true,
  // A part only some readers need (the room page's review for a signed-in supervisor) is imported
  // on demand and lands in its own file; code it shares with the page goes to a shared chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
} as const;

const startup: Record<string, string[]> = {};
for (const page of pages) {
  const entryPoints = { [page]: join(pagesDir, page, 'main.ts') };
  const probe = await build({ ...options, plugins: [zodWithoutLocales, withoutServerHelpers, catalogsFor(() => false)], entryPoints, write: false, outdir: dist });
  const code = probe.outputFiles.map((f) => f.text).join('\n');
  const used = new Set([...code.matchAll(/["'`]([a-zA-Z]+)\./g)].map((m) => m[1]!));
  const result = await build({ ...options, plugins: [zodWithoutLocales, withoutServerHelpers, catalogsFor((prefix) => used.has(prefix))], entryPoints, write: false, outdir: dist });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    replaceFile(file.path, file.contents);
  }
  startup[page] = loadedAtStart(result.metafile, `${page}.js`);
}

/** A page's entry and the chunks it imports statically: what a reader downloads before the page runs. */
function loadedAtStart(meta: Metafile, entry: string): string[] {
  const outputs = new Map(Object.entries(meta.outputs).map(([path, out]) => [path.slice(path.lastIndexOf('dist/') + 5), out]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs.get(file)?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path.slice(imported.path.lastIndexOf('dist/') + 5));
    }
  };
  visit(entry);
  return [...seen];
}

// The service worker that shows pushes: one classic script (a worker has no module chunks to share), served from the gateway's root so its scope covers every page.
const worker = await build({
  ...options, splitting: false, format: 'iife', metafile: false, plugins: [catalogsFor((prefix) => prefix === 'push' || prefix === 'portal')],
  entryPoints: { 'push-worker': join(root, 'src', 'push', 'push-worker.ts') }, write: false, outdir: dist,
});
for (const file of worker.outputFiles) replaceFile(file.path, file.contents);
const workerGzip = gzipSync(Buffer.concat(worker.outputFiles.map((f) => f.contents)), { level: 9 }).length;
console.log(`kiosk: push-worker.js ${kb(workerGzip)} gzip${workerGzip > WORKER_BUDGET_BYTES ? ` — OVER the ${kb(WORKER_BUDGET_BYTES)} budget` : ''}`);

await writeAppFiles(dist, pageShells, replaceFile);

let overBudget = workerGzip > WORKER_BUDGET_BYTES;
for (const page of pages) {
  const shell = pageShells[page];
  if (!shell) throw new Error(`kiosk: no shell for page ${page} in src/pages/page-shells.ts`);
  const early = shell.earlyScript ? readFileSync(join(pagesDir, page, shell.earlyScript), 'utf8') : undefined;
  const chunks = (startup[page] ?? []).filter((file) => file !== `${page}.js`);
  replaceFile(join(dist, `${page}.html`), shellHtml(page, shell, early, chunks));
  const js = Buffer.concat((startup[page] ?? [`${page}.js`]).map((file) => readFileSync(join(dist, file))));
  const gzip = gzipSync(js, { level: 9 }).length;
  const over = gzip > budgetOf(page);
  overBudget ||= over;
  console.log(`kiosk: ${page}.js ${kb(js.length)} minified, ${kb(gzip)} gzip${over ? ` — OVER the ${kb(budgetOf(page))} budget` : ''}`);
}
if (overBudget) process.exit(1);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
