import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout rule of DESIGN.md: a module owns its tables (prefixed with its name) and other modules
 * reach it only through its index.ts; the kernel knows no module. This test is the CI check.
 */
const src = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(src, 'modules');
const modules = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The tables a module creates in its migrations (its own, prefixed with its name). */
const tablesOf = (mod: string): string[] => {
  const file = path.join(modulesDir, mod, 'migrations', 'index.ts');
  return fs.existsSync(file) ? [...fs.readFileSync(file, 'utf8').matchAll(/CREATE (?:TABLE|SEQUENCE) (?:IF NOT EXISTS )?([a-z0-9_]+)/g)].map((m) => m[1]) : [];
};

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1])).filter((p) => p.startsWith(src));

describe('module boundaries', () => {
  it('finds the modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['org', 'identity']));
  });

  for (const mod of modules) {
    it(`${mod} uses other modules only through their index.ts and touches only its own tables`, () => {
      const problems: string[] = [];
      for (const file of filesUnder(path.join(modulesDir, mod))) {
        const rel = path.relative(src, file);
        for (const target of importsOf(file)) {
          const m = path.relative(modulesDir, target).split(path.sep);
          if (m[0] !== '..' && m[0] !== mod && !(m.length === 2 && m[1] === 'index.ts')) problems.push(`${rel} imports ${path.relative(src, target)}`);
        }
        const text = fs.readFileSync(file, 'utf8');
        for (const other of modules.filter((o) => o !== mod)) {
          const named = tablesOf(other).find((table) => new RegExp(`(?<![A-Za-z0-9_])${table}(?![A-Za-z0-9_])`).test(text));
          if (named) problems.push(`${rel} names a table of ${other} (${named})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the kernel imports no module', () => {
    const problems = filesUnder(path.join(src, 'kernel')).flatMap((file) =>
      importsOf(file).filter((t) => t.startsWith(modulesDir)).map((t) => `${path.relative(src, file)} imports ${path.relative(src, t)}`),
    );
    expect(problems).toEqual([]);
  });
});
