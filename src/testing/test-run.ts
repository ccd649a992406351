import { dropTestCopies } from './pg-template.ts';

/**
 * Vitest global setup of the unit and API tests. On a PostgreSQL server each test file works in its
 * own copy of the template database (pg-template.ts); the copies of this run are named by its start
 * time and dropped together when it ends, and copies a crashed run left behind over a day ago go too
 * (a younger one may belong to a run still going on the same server).
 */
export async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  process.env.YW_TEST_RUN = Date.now().toString(36);
  await dropTestCopies(url, { olderThanMs: 24 * 3600_000 });
}

export async function teardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const run = process.env.YW_TEST_RUN;
  if (url && run) await dropTestCopies(url, { run });
}
