import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'seed/**/*.test.ts', 'web/src/**/*.test.ts'];

/**
 * A test file whose source holds this line never reaches the PostgreSQL server: it opens no
 * database, or always its own embedded one (the CLI tests). CI runs `npm test` twice, on PGlite and
 * with DATABASE_URL; such a file would only repeat itself in the second run, so that run leaves it
 * out. Files without the line run in both, which is the safe default for a new file.
 */
export const DATABASE_INDEPENDENT = '// yiwang-test: database-independent';

function databaseIndependentFiles(): string[] {
  const found: string[] = [];
  for (const dir of ['src', 'seed', 'web/src']) {
    for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!rel.endsWith('.test.ts')) continue;
      const file = path.join(dir, rel);
      if (fs.readFileSync(file, 'utf8').includes(DATABASE_INDEPENDENT)) found.push(file);
    }
  }
  return found;
}

export default defineConfig({
  test: {
    include,
    exclude: process.env.DATABASE_URL ? ['**/node_modules/**', ...databaseIndependentFiles()] : ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // On PostgreSQL: names this run's database copies and drops them at its end (src/testing/test-run.ts).
    globalSetup: ['src/testing/test-run.ts'],
    pool: 'forks',
    // Each worker keeps the modules it has loaded for its next file instead of importing the platform
    // again (about 8 s a file on two cores, a third of the unit legs' time). Test files share no
    // state through modules: each builds its own platform on its own database.
    isolate: false,
    // Two cores: more parallel files only queue for CPU and make PGlite start-up slower.
    maxWorkers: 2,
  },
});
