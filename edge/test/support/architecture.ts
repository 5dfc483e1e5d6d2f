import { join } from 'node:path';
import { cruise, type IModule } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * The architecture check: the rules in .dependency-cruiser.cjs, plus no cycle between the
 * folders of edge/src, which dependency-cruiser cannot express because it would lump the
 * files directly in edge/src (gateway.ts, domain-error.ts, ...) into one folder.
 */

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export const sourceRoots = ['edge/src', 'kiosk/src', 'cloud-bridge/src', 'firmware-config/src'];

export interface Violation {
  rule: string;
  from: string;
  to: string;
  /** The cycle for cycle rules; for a folder cycle, the file imports that make the edge. */
  via?: string[];
}

/** Checks the files under `roots` of the tree at `baseDir` (paths relative to it). */
export async function checkArchitecture(baseDir = repoRoot, roots = sourceRoots): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(join(repoRoot, '.dependency-cruiser.cjs'));
  const tsConfig = join(baseDir, 'tsconfig.json');
  const { output } = await cruise(
    roots,
    { ...options, baseDir, tsConfig: { fileName: tsConfig } },
    {},
    { tsConfig: extractTSConfig(tsConfig) },
  );
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report, not a result');

  const ruleViolations = output.summary.violations.map((v): Violation => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    ...(v.cycle ? { via: [v.from, ...v.cycle.map((step) => step.name)] } : {}),
  }));
  return [...folderCycles(output.modules), ...ruleViolations];
}

/** A direct subfolder of edge/src, or a file directly in it: each is one node. */
const EDGE_NODE = /^edge\/src\/[^/]+/;

/**
 * Every folder-to-folder edge inside a strongly connected group lies on a cycle, so each is
 * reported with the imports behind it. Tests beside the code are left out: a test may use
 * test-support, which starts the whole gateway.
 */
export function folderCycles(modules: IModule[]): Violation[] {
  const edges = new Map<string, Map<string, string[]>>();
  for (const module of modules) {
    const from = module.source.match(EDGE_NODE)?.[0];
    if (!from || module.source.endsWith('.test.ts')) continue;
    for (const dependency of module.dependencies) {
      const to = dependency.resolved.match(EDGE_NODE)?.[0];
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? edges.set(from, new Map()).get(from)!;
      targets.set(to, [...(targets.get(to) ?? []), `${module.source} → ${dependency.resolved}`]);
    }
  }

  const component = stronglyConnected(edges);
  const violations: Violation[] = [];
  for (const [from, targets] of edges) {
    for (const [to, imports] of targets) {
      if (component.get(from) === component.get(to)) violations.push({ rule: 'no-folder-cycle', from, to, via: imports });
    }
  }
  return violations;
}

/** Tarjan's algorithm: each node's strongly connected component, as a number. */
function stronglyConnected(edges: Map<string, Map<string, string[]>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  let counter = 0;

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.set(member, index.get(node)!);
      } while (member !== node);
    }
  };

  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return component;
}

/** One line per violation, `rule: from → to`, with the cycle or imports behind it indented. */
export function describeViolations(violations: Violation[]): string {
  const lines = violations.map(({ rule, from, to, via }) =>
    [`${rule}: ${from} → ${to}`, ...(via ? [`    via ${via.join(rule === 'no-folder-cycle' ? '\n        ' : ' → ')}`] : [])].join('\n'));
  return `${violations.length} architecture violation(s):\n${lines.join('\n')}`;
}
