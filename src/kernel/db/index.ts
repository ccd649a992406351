import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from './pglite-dialect.ts';
import { databaseBusy } from './busy.ts';
import { PreparingClient } from './prepared.ts';

export { databaseBusy } from './busy.ts';

export { sql } from 'kysely';
export { runMigrations, type Migration } from './migrate.ts';
export { GroupCommit } from './group-commit.ts';
export { tablesOf, type DefaultedJson, type DefaultedTimestamp, type Json, type SearchText, type Timestamp } from './tables.ts';

/**
 * The shared handle is untyped: no module may know another's tables. Each module reads it through
 * `tablesOf<ItsTables>(ex)` (./tables.ts), typed with the tables its `tables.ts` declares.
 */
// `any`, not `unknown`: Kysely needs a table map it can index by any name and column.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any>;
/** Either a handle or an open transaction: store functions accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL schema a test database lives in. */
  schema?: string;
  /** PGlite: the whole data folder as a tar archive (a template for tests, see `pgliteTemplate`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

// bigint counts fit in a JS number for our sizes; calendar dates stay 'YYYY-MM-DD' strings so no
// time zone can shift them.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for a throw-away database. */
  pgliteDir?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL server: a statement running longer is cancelled by the server. */
  statementTimeoutMs?: number;
  /** PostgreSQL server: a session idle inside a transaction this long is ended by the server. */
  idleInTransactionTimeoutMs?: number;
  /** Waiting longer than this for a connection fails with DATABASE_BUSY (503) instead of queueing on. */
  acquireTimeoutMs?: number;
  /** PGlite: start from this dumped data folder (tests: an already migrated database) instead of an empty one. */
  pgliteTemplate?: Blob;
  /** PostgreSQL server: keep recurring statements prepared on each connection (./prepared.ts). Default on. */
  preparedStatements?: boolean;
}

/** Bounds that apply when the caller gives none (the configuration's defaults). */
export const DATABASE_BOUNDS = { statementTimeoutMs: 60_000, idleInTransactionTimeoutMs: 30_000, acquireTimeoutMs: 10_000 };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const bounds = { ...DATABASE_BOUNDS, ...definedOnly(opts) };
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      // The cast: pg's typings cannot express one `query` for all its overloads (see prepared.ts).
      ...(opts.preparedStatements === false ? {} : { Client: PreparingClient as unknown as typeof pg.Client }),
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      // Names the connections in pg_stat_activity (per schema, so tests can find their own).
      application_name: opts.schema ? `yiwang:${opts.schema}` : 'yiwang',
      statement_timeout: bounds.statementTimeoutMs,
      idle_in_transaction_session_timeout: bounds.idleInTransactionTimeoutMs,
      // Also bounds the wait in pg-pool's queue when every connection is taken.
      connectionTimeoutMillis: bounds.acquireTimeoutMs,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // A connection the server ended (idle-in-transaction timeout, restart) is dropped from the pool;
    // without a listener its error would end the process.
    pool.on('error', () => undefined);
    // The same for a connection the server ends while it is checked out but between statements (a
    // transaction idle past its timeout): pg-pool listens only on idle ones. The caller's next
    // statement fails instead, and the pool drops the connection when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const busyAware = {
      connect: () => pool.connect().catch((err: Error) => Promise.reject(/timeout/i.test(err.message) ? databaseBusy() : err)),
      end: () => pool.end(),
    };
    const db: Db = new Kysely({ dialect: new PostgresDialect({ pool: busyAware as unknown as pg.Pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const client = await PGlite.create(dir, {
    ...(opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {}),
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    },
  });
  const db: Db = new Kysely({ dialect: new PGliteDialect(client, bounds.acquireTimeoutMs) });
  return { db, kind: 'pglite', dumpDataDir: () => client.dumpDataDir('none'), close: () => db.destroy() };
}

function definedOnly(o: DatabaseOptions): Partial<typeof DATABASE_BOUNDS> {
  return Object.fromEntries(
    Object.entries({ statementTimeoutMs: o.statementTimeoutMs, idleInTransactionTimeoutMs: o.idleInTransactionTimeoutMs, acquireTimeoutMs: o.acquireTimeoutMs }).filter(([, v]) => v !== undefined),
  );
}

/**
 * A fresh, empty database for one test file: PGlite in memory, or — when DATABASE_URL is set — a
 * schema of its own on that server, dropped again by `close()`.
 */
export async function openTestDatabase(poolSize = 8, bounds: Partial<typeof DATABASE_BOUNDS> = {}, pgliteTemplate?: Blob): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ pgliteDir: 'memory://', pgliteTemplate, ...bounds });
  const schema = `yw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: url, schema, poolSize, ...bounds });
  return {
    ...database,
    schema,
    async close() {
      // Dropping a schema locks every object in it; a statement of another test file that touches
      // the shared catalogue at that moment can make PostgreSQL pick this one as a deadlock victim.
      for (let attempt = 1; ; attempt++) {
        try {
          await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(database.db);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
      await database.close();
    },
  };
}

/** `true` when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
