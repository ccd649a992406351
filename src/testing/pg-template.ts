import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, runMigrations, type Database } from '../kernel/db/index.ts';
import { loadRegions } from '../modules/org/index.ts';
import { PLATFORM_MIGRATIONS } from '../platform.ts';
import { templateKey } from './pglite-template.ts';

/** The schema a test platform lives in inside its own database (as in a real deployment's). */
const SCHEMA = 'yiwang';

const LOOSE = { statementTimeoutMs: 600_000, idleInTransactionTimeoutMs: 600_000, acquireTimeoutMs: 600_000 };

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * On a PostgreSQL server, the migrated platform with the regions of 152201 as a template database,
 * made once per set of migrations (`templateKey`) and shared by every test file: migrating an empty
 * schema and loading 3,500 regions cost about 20 s a file on the shared CI machine; copying the
 * template with CREATE DATABASE … TEMPLATE costs well under one. Two test workers may ask at once:
 * an advisory lock makes one build it while the other waits, and the template only takes its final
 * name once complete, so a half-built one is never copied.
 */
export async function pgPlatformTemplate(url: string): Promise<string> {
  const name = `yw_tpl_${templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query("SELECT pg_advisory_lock(hashtext('yiwang test template'))");
    try {
      if (await exists()) return name;
      // Templates of older migrations are dead weight on the server.
      const old = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'yw\\_tpl\\_%'");
      for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      const building = `${name}_building`;
      await admin.query(`CREATE DATABASE "${building}"`);
      const database = await openDatabase({ databaseUrl: withDatabase(url, building), poolSize: 2 });
      try {
        await database.db.schema.createSchema(SCHEMA).execute();
      } finally {
        await database.close();
      }
      // Built once, on a machine that may be busy with other test files: no tight bounds here.
      const inSchema = await openDatabase({ databaseUrl: withDatabase(url, building), schema: SCHEMA, poolSize: 2, ...LOOSE });
      try {
        await runMigrations(inSchema.db, PLATFORM_MIGRATIONS);
        await inSchema.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
      } finally {
        await inSchema.close();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext('yiwang test template'))");
    }
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database copied from `template`. Dropping a database makes PostgreSQL checkpoint, which
 * on a busy machine took over ten seconds a file; so within a test run (`YW_TEST_RUN`, set by
 * test-run.ts) the copies stay until the run ends and are dropped together, and only a copy made
 * outside such a run is dropped on close.
 */
export async function pgDatabaseFrom(
  url: string,
  template: string,
  poolSize: number,
  bounds: { acquireTimeoutMs?: number; statementTimeoutMs?: number; idleInTransactionTimeoutMs?: number },
): Promise<Database> {
  const run = process.env.YW_TEST_RUN;
  const name = `yw_t_${run ?? 'x'}_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), schema: SCHEMA, poolSize, ...bounds });
  return {
    ...database,
    schema: SCHEMA,
    async close() {
      await database.close();
      if (!run) await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Drops the copies of test run `run`, or with `olderThanMs` those of every run that began before then. */
export async function dropTestCopies(url: string, opts: { run?: string; olderThanMs?: number }): Promise<void> {
  const rows = (await adminQuery(url, "SELECT datname FROM pg_database WHERE datname LIKE 'yw\\_t\\_%'")).rows as { datname: string }[];
  for (const { datname } of rows) {
    const stamp = datname.split('_')[2];
    const began = parseInt(stamp, 36);
    const drop = opts.run ? stamp === opts.run : opts.olderThanMs !== undefined && Number.isFinite(began) && began < Date.now() - opts.olderThanMs;
    if (drop) await adminQuery(url, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

async function adminQuery(url: string, text: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await admin.query(text);
  } finally {
    await admin.end();
  }
}
