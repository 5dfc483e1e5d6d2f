import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * An entry point (the gateway process, the sync agent) as one ES module, built once per run with esbuild (which tsx already
 * brings): a restart then costs a plain `node` start instead of compiling every source file
 * again, which matters when a run restarts the gateway two hundred times. Packages stay
 * external; the workspaces are bundled. Each source file keeps its own `import.meta.url`, so the kiosk pages, the
 * package.json and native modules are found where they are.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(esbuild) {
    // Packages load from node_modules as usual; the workspaces (TypeScript source) are bundled.
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@doorside/') ? undefined : { path: args.path, external: true }));
    esbuild.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

const built = new Map<string, Promise<string>>();

/**
 * The bundle of one entry point (a file URL), built on first use; it lives under
 * node_modules/.cache so bare imports resolve and git ignores it.
 */
export function bundled(entry: URL): Promise<string> {
  const name = entry.pathname.split('/').slice(-3).join('-').replace(/\.ts$/, '.mjs');
  let done = built.get(name);
  if (done) return done;
  done = (async () => {
    const outfile = fileURLToPath(new URL(`../../node_modules/.cache/doorside-reliability/${name}`, import.meta.url));
    await build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true, platform: 'node', format: 'esm', target: 'node20',
      outfile, logLevel: 'warning', plugins: [keepModuleUrls],
    });
    return outfile;
  })();
  built.set(name, done);
  return done;
}

export const gatewayBundle = () => bundled(new URL('./gateway-process.ts', import.meta.url));
