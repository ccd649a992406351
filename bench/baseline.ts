/** What every benchmark needs: a platform on its own database, and the raw insert rate to compare with. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../src/kernel/config/index.ts';
import { generateKeys } from '../src/kernel/crypto/index.ts';
import { openTestDatabase, type Db } from '../src/kernel/db/index.ts';
import { createPlatform } from '../src/platform.ts';
import { loadRegions } from '../src/modules/org/index.ts';

/**
 * The settings a bench takes from its environment: none but `YIWANG_AUDIT_LANES` (e.g. 1 to measure
 * with one audit chain head, as before lanes).
 */
export function benchEnv(): NodeJS.ProcessEnv {
  return { LOG_LEVEL: 'silent', ...(process.env.YIWANG_AUDIT_LANES ? { YIWANG_AUDIT_LANES: process.env.YIWANG_AUDIT_LANES } : {}) };
}

/** A migrated platform with the regions of 152201, on DATABASE_URL (own schema) or PGlite. */
export async function benchPlatform(connections: number) {
  // The same pool serves the baseline and the measured path, sized like a production node's.
  const database = await openTestDatabase(connections);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-bench-'));
  const config = loadConfig(benchEnv(), { dataDir, seedDemo: false, rateLimitPerMinute: 10_000_000 }, dataDir);
  const keys = generateKeys();
  const p = await createPlatform({ config, database, keys });
  await p.migrate();
  await p.kernel.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
  return {
    p,
    database,
    keys,
    async close() {
      await p.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows per second of raw single-row INSERTs (one statement per transaction) from `connections` at once. */
export async function rawInsertRate(db: Db, seconds: number, connections: number): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, region_code text NOT NULL, name text NOT NULL, at timestamptz NOT NULL)`.execute(db);
  let raw = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        await sql`INSERT INTO bench_raw VALUES (${uuidv7()}, '152201', ${'基线'}, now())`.execute(db);
        raw += 1;
      }
    }),
  );
  return raw / seconds;
}
