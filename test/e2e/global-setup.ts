import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.ts';

/**
 * Seeds the demo region once per browser-test run: a platform starts on an empty folder, seeds,
 * answers /readyz and is stopped cleanly; each test file's server then starts on a copy of that
 * folder (startServer). Seeding took most of each file's start-up, once per file.
 * The folder is passed to the test workers through the environment, which they inherit.
 */
export async function setup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-e2e-template-'));
  // Seeding is the slow part of a start: give it longer than a copy's start-up.
  const server = await serve(dir, {}, 3 * Number(process.env.E2E_START_MS ?? 200_000));
  // Every timer runs once when a platform starts (the data quality check decrypts the whole
  // population, 政策找人 matches it): done here, the copies start with those runs behind them
  // instead of doing them again beside each file's browser tests.
  await server.settle().catch((err: Error) => console.warn(`e2e template: ${err.message}; copies will run the rest themselves`));
  await server.stop({ keep: true });
  process.env.YW_E2E_TEMPLATE = dir;
}

export async function teardown(): Promise<void> {
  const dir = process.env.YW_E2E_TEMPLATE;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
