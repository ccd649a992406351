// One more app node for a benchmark: the same platform on the same database (schema) with the same
// keys, serving HTTP on a free port until it is told to stop. The design scales by running more
// identical app nodes on one database; benchmarks use this to measure that.
// env: DATABASE_URL, BENCH_SCHEMA, BENCH_KEYS (JSON), BENCH_CONNECTIONS, BENCH_WORKERS=1 (this node also runs
// the jobs, outbox and audit sealer, as a node without `--no-workers` does), YIWANG_AUDIT_LANES
// → prints "listening <url>".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config/index.ts';
import { benchEnv } from './baseline.ts';
import type { PlatformKeys } from '../src/kernel/crypto/index.ts';
import { openDatabase } from '../src/kernel/db/index.ts';
import { createPlatform } from '../src/platform.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-bench-node-'));
const config = loadConfig(benchEnv(), { dataDir, seedDemo: false, rateLimitPerMinute: 10_000_000 }, dataDir);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, schema: process.env.BENCH_SCHEMA, poolSize: Number(process.env.BENCH_CONNECTIONS ?? 16) });
const p = await createPlatform({ config, database, keys: JSON.parse(process.env.BENCH_KEYS!) as PlatformKeys });
const app = await p.http();
if (process.env.BENCH_WORKERS === '1') p.startWorkers();
console.log(`listening ${await app.listen({ port: 0, host: '127.0.0.1' })}`);
const stop = async () => {
  await p.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
// A benchmark that dies without stopping its nodes must not leave them running.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    void stop();
  }
}, 2_000).unref();
