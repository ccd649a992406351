// A second app process for the two-process job test: runs due jobs until none are left.
import { sql } from 'kysely';
import { systemClock } from '../clock/index.ts';
import { openDatabase } from '../db/index.ts';
import { createLogger } from '../log/index.ts';
import { JobRunner } from './index.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: process.env.YW_SCHEMA, poolSize: 4 });
const runner = new JobRunner(database.db, systemClock, createLogger('silent'));
runner.register('test.once', async (job, trx) => {
  await trx.insertInto('test_once').values({ job_id: job.id, worker: runner.workerId }).execute();
});
let idle = 0;
while (idle < 3) {
  const n = await runner.runDue(5);
  const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_job WHERE state IN ('pending', 'running')`.execute(database.db);
  idle = Number(left.rows[0].n) === 0 ? idle + 1 : 0;
  if (n === 0) await new Promise((r) => setTimeout(r, 20));
}
console.log(runner.workerId);
await database.close();
