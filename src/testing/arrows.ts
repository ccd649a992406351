import path from 'node:path';

/**
 * The allowed arrows between the parts of the codebase (DESIGN.md's layout rule), as a pure check
 * over file texts so that boundaries.test.ts can run it on the tree and on made-up files alike.
 *
 *   kernel ← org ← identity ← pillars (services, cases, licenses, cityops) and the data backbone
 *
 * - the kernel imports no module and no flow;
 * - a module reaches another module only through its index.ts, and only along the arrows above:
 *   org imports no module, identity only org; services and cases never import each other; the
 *   data backbone never imports a pillar;
 * - no module imports a flow, the platform or the test helpers;
 * - flows, seeds and the test helpers reach modules only through their index.ts.
 */
export const PILLARS = ['services', 'cases', 'licenses', 'cityops', 'proactive'];
const RANK: Record<string, number> = { org: 1, identity: 2 };
const FORBIDDEN_PAIRS: [string, string][] = [['services', 'cases'], ['cases', 'services'], ...PILLARS.map((p): [string, string] => ['data', p])];

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes (e.g. `src/modules/cases/intake.ts`). */
  file: string;
  text: string;
}

type Part = { kind: 'kernel' } | { kind: 'module'; name: string; rest: string } | { kind: 'flow' } | { kind: 'testing' } | { kind: 'seed' } | { kind: 'platform' } | { kind: 'other' };

function partOf(rel: string): Part {
  const s = rel.split('/');
  if (s[0] === 'seed') return { kind: 'seed' };
  if (s[0] !== 'src') return { kind: 'other' };
  if (s[1] === 'kernel') return { kind: 'kernel' };
  if (s[1] === 'modules' && s.length > 3) return { kind: 'module', name: s[2], rest: s.slice(3).join('/') };
  if (s[1] === 'flows') return { kind: 'flow' };
  if (s[1] === 'testing') return { kind: 'testing' };
  if (s[1] === 'platform.ts') return { kind: 'platform' };
  return { kind: 'other' };
}

/** Relative imports of a file (static, side-effect and dynamic), resolved to repository paths. */
export function importsOf(f: SourceFile): string[] {
  const specs = [...f.text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]).filter((s) => s.startsWith('.'));
  return specs.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(f.file), s)));
}

/** Whether module `from` may import module `to` at all (through its index.ts). */
export function mayImportModule(from: string, to: string): boolean {
  if (from === to) return true;
  if (FORBIDDEN_PAIRS.some(([a, b]) => a === from && b === to)) return false;
  const rf = RANK[from] ?? 3;
  const rt = RANK[to] ?? 3;
  return rt < rf || (rf === 3 && rt === 3);
}

/** Every import in `files` that breaks an arrow, as `file imports target (why)`. */
export function arrowProblems(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const from = partOf(f.file);
    for (const target of importsOf(f)) {
      const to = partOf(target);
      const say = (why: string) => problems.push(`${f.file} imports ${target} (${why})`);
      if (from.kind === 'kernel') {
        if (to.kind === 'module' || to.kind === 'flow' || to.kind === 'platform') say('the kernel imports no module and no flow');
        continue;
      }
      if (from.kind === 'module') {
        if (to.kind === 'flow' || to.kind === 'platform' || to.kind === 'testing') say('a module imports no flow, platform or test helper');
        if (to.kind !== 'module' || to.name === from.name) continue;
        if (to.rest !== 'index.ts') say(`other modules are reached only through their index.ts`);
        else if (!mayImportModule(from.name, to.name)) say(`${from.name} may not import ${to.name}`);
        continue;
      }
      if ((from.kind === 'flow' || from.kind === 'seed' || from.kind === 'testing') && to.kind === 'module' && to.rest !== 'index.ts') say('modules are reached only through their index.ts');
    }
  }
  return problems;
}
