import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemClock } from '../clock/index.ts';
import { openTestDatabase, runMigrations, type Database } from '../db/index.ts';
import { createLogger } from '../log/index.ts';
import { kernelMigrations } from '../index.ts';
import { JobRunner } from './index.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

// Two processes on one database need a database server; PGlite is one process by nature.
describe.runIf(!!process.env.DATABASE_URL)('jobs with two app processes on one PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await runMigrations(database.db, kernelMigrations);
    await sql`CREATE TABLE test_once (job_id uuid NOT NULL, worker text NOT NULL)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('runs each due job exactly once', async () => {
    const runner = new JobRunner(database.db, systemClock, createLogger('silent'));
    for (let i = 0; i < 300; i++) await runner.enqueue(database.db, 'test.once', { i });
    const env = { ...process.env, YW_SCHEMA: database.schema! };
    const worker = () => run(process.execPath, ['bin/run-ts.js', 'src/kernel/jobs/worker.fixture.ts'], { cwd: root, env });
    const [a, b] = await Promise.all([worker(), worker()]);
    const r = await sql<{ job_id: string; runs: number; worker: string }>`SELECT job_id, count(*)::int AS runs, min(worker) AS worker FROM test_once GROUP BY job_id`.execute(database.db);
    expect(r.rows).toHaveLength(300);
    expect(r.rows.every((x) => Number(x.runs) === 1)).toBe(true);
    const byWorker = new Set(r.rows.map((x) => x.worker));
    expect(byWorker).toEqual(new Set([a.stdout.trim(), b.stdout.trim()]));
    const states = await sql<{ state: string; n: number }>`SELECT state, count(*)::int AS n FROM kernel_job GROUP BY state`.execute(database.db);
    expect(states.rows).toEqual([{ state: 'done', n: 300 }]);
  });

  it('migrates safely from two processes at once', async () => {
    const other = await openTestDatabase();
    try {
      const second = await import('../db/index.ts').then((m) => m.openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: other.schema, poolSize: 2 }));
      const [x, y] = await Promise.all([runMigrations(other.db, kernelMigrations), runMigrations(second.db, kernelMigrations)]);
      expect([...x, ...y].sort()).toEqual(kernelMigrations.map((m) => m.name).sort());
      expect(await runMigrations(other.db, kernelMigrations)).toEqual([]);
      await second.close();
    } finally {
      await other.close();
    }
  });
});
