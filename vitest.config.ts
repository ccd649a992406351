import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'seed/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // On PostgreSQL: names this run's database copies and drops them at its end (src/testing/test-run.ts).
    globalSetup: ['src/testing/test-run.ts'],
    pool: 'forks',
    // Two cores: more parallel files only queue for CPU and make PGlite start-up slower.
    maxWorkers: 2,
  },
});
