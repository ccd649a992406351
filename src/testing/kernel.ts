import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../kernel/clock/index.ts';
import { loadConfig, type Config } from '../kernel/config/index.ts';
import { generateKeys, type PlatformKeys } from '../kernel/crypto/index.ts';
import { openTestDatabase, runMigrations, type Database, type Migration } from '../kernel/db/index.ts';
import { createKernel, kernelMigrations, type Kernel } from '../kernel/index.ts';
import { createLogger } from '../kernel/log/index.ts';
import type { Message } from '../kernel/notify/index.ts';
import type { EventCatalogue } from '../kernel/events/index.ts';

/** What a test of the kernel alone works with: the kernel on a fresh database, no module loaded. */
export interface TestKernel {
  k: Kernel;
  clock: FakeClock;
  sent: Message[];
  keys: PlatformKeys;
  close(): Promise<void>;
}

/** A fresh data folder and the configuration tests run with (no demo data, no workers, no rate limits). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-test-'));
  return loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false, rateLimitPerMinute: 1_000_000, authRateLimitPerMinute: 1_000_000, port: 8080, ...overrides }, dataDir);
}

/** A fresh database (PGlite in memory, or its own schema on the PostgreSQL server when DATABASE_URL is set). */
export function testDatabase(config: Config, pgliteTemplate?: Blob): Promise<Database> {
  return openTestDatabase(
    8,
    { acquireTimeoutMs: config.dbAcquireTimeoutMs, statementTimeoutMs: config.dbStatementTimeoutMs, idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs },
    pgliteTemplate,
  );
}

export const testClock = () => new FakeClock('2026-03-02T09:00:00+08:00');

/**
 * The kernel alone, with only its own migrations (and any a test adds): a kernel test proves the
 * kernel works without any module, as the layout rule says it must. Fake clock, fresh keys, a
 * capturing message sink; no workers run. `events` declares the topics a test publishes.
 */
export async function startTestKernel(overrides: Partial<Config> = {}, opts: { migrations?: Migration[]; events?: EventCatalogue } = {}): Promise<TestKernel> {
  const config = testConfig(overrides);
  const database = await testDatabase(config);
  const clock = testClock();
  const sent: Message[] = [];
  const keys = generateKeys();
  const k = createKernel({ config, database, log: createLogger(config.logLevel), clock, keys, sink: { send: async (m) => void sent.push(m) } });
  k.events.declareAll(opts.events ?? {});
  await runMigrations(database.db, [...kernelMigrations, ...(opts.migrations ?? [])]);
  await k.audit.upgrade(config.regionCode);
  return {
    k,
    clock,
    sent,
    keys,
    async close() {
      await database.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
