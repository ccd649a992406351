// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrowProblems, mayImportModule, type SourceFile } from '../testing/arrows.ts';

/**
 * The layout rule of DESIGN.md: a module owns its tables (prefixed with its name) and other modules
 * reach it only through its index.ts; the kernel knows no module. This test is the CI check.
 */
const src = path.resolve(import.meta.dirname, '..');
const root = path.resolve(src, '..');
const modulesDir = path.join(src, 'modules');
const modules = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function filesUnder(dir: string, withTests = false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, withTests) : e.name.endsWith('.ts') && (withTests || !e.name.endsWith('.test.ts')) ? [p] : [];
  });
}

const sourceOf = (file: string): SourceFile => ({ file: path.relative(root, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') });

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
      importsOf(file)
        .filter((t) => t.startsWith(modulesDir))
        .map((t) => `${path.relative(src, file)} imports ${path.relative(src, t)}`),
    );
    expect(problems).toEqual([]);
  });
  it('follows the allowed arrows: kernel ← org ← identity ← pillars; services and cases apart; the data backbone imports no pillar', () => {
    const files = [...filesUnder(path.join(src, 'kernel')), ...filesUnder(modulesDir), ...filesUnder(path.join(src, 'flows'))].map(sourceOf);
    expect(arrowProblems(files)).toEqual([]);
  });

  it('seeds and test helpers reach modules only through their index.ts', () => {
    const files = [...filesUnder(path.join(root, 'seed'), true), ...filesUnder(path.join(src, 'testing'), true)].map(sourceOf);
    expect(files.length).toBeGreaterThan(5);
    expect(arrowProblems(files)).toEqual([]);
  });
});

describe('the arrow check itself', () => {
  const check = (file: string, text: string) => arrowProblems([{ file, text }]);

  it('reports a forbidden import', () => {
    expect(check('src/modules/services/x.ts', "import { Intake } from '../cases/index.ts';")).toEqual(['src/modules/services/x.ts imports src/modules/cases/index.ts (services may not import cases)']);
    expect(check('src/modules/cases/x.ts', "import type { ServicesModule } from '../services/index.ts';")).toHaveLength(1);
    expect(check('src/modules/data/x.ts', "export { LICENCE_ISSUED } from '../licenses/index.ts';")).toEqual([
      'src/modules/data/x.ts imports src/modules/licenses/index.ts (data may not import licenses)',
    ]);
    expect(check('src/modules/org/x.ts', "const m = await import('../identity/index.ts');")).toHaveLength(1);
    expect(check('src/modules/identity/x.ts', "import { DataModule } from '../data/index.ts';")).toHaveLength(1);
    expect(check('src/kernel/events/x.ts', "import { ALARM_RAISED } from '../../modules/cityops/index.ts';")).toEqual([expect.stringContaining('the kernel imports no module')]);
    expect(check('src/kernel/x.ts', "import { wireFlows } from '../flows/index.ts';")).toHaveLength(1);
    expect(check('src/modules/cases/x.ts', "import { Grids } from '../cityops/grids.ts';")).toEqual([expect.stringContaining('only through their index.ts')]);
    expect(check('src/modules/cases/x.ts', "import { sensorCases } from '../../flows/sensor-cases.ts';")).toHaveLength(1);
    expect(check('seed/x.ts', "import { Intake } from '../src/modules/cases/intake.ts';")).toHaveLength(1);
    expect(check('src/testing/x.ts', "import { PeopleService } from '../modules/identity/people.ts';")).toHaveLength(1);
    expect(check('src/flows/x.ts', "import { Licences } from '../modules/licenses/licences.ts';")).toHaveLength(1);
  });

  it('lets the allowed arrows through', () => {
    expect(check('src/modules/cases/x.ts', "import { DepartmentNames } from '../org/index.ts';\nimport type { Grids } from '../cityops/index.ts';\nimport { x } from './y.ts';")).toEqual([]);
    expect(check('src/flows/x.ts', "import type { CasesModule } from '../modules/cases/index.ts';\nimport type { Kernel } from '../kernel/index.ts';")).toEqual([]);
    expect(check('seed/x.ts', "import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';")).toEqual([]);
    expect([
      mayImportModule('identity', 'org'),
      mayImportModule('data', 'identity'),
      mayImportModule('licenses', 'services'),
      mayImportModule('org', 'identity'),
      mayImportModule('data', 'cityops'),
    ]).toEqual([true, true, true, false, false]);
  });
});
