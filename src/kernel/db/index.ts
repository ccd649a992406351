import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from './pglite-dialect.ts';

export { sql } from 'kysely';
export { runMigrations, type Migration } from './migrate.ts';

/** Tables are typed per module with `db.withTables<…>()`; the shared handle is untyped. */
export type Db = Kysely<any>;
export type Tx = Transaction<any>;
/** Either a handle or an open transaction: store functions accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL schema a test database lives in. */
  schema?: string;
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
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const client = await PGlite.create(dir, {
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    },
  });
  const db = new Kysely<any>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * A fresh, empty database for one test file: PGlite in memory, or — when DATABASE_URL is set — a
 * schema of its own on that server, dropped again by `close()`.
 */
export async function openTestDatabase(poolSize = 8): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ pgliteDir: 'memory://' });
  const schema = `yw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: url, schema, poolSize });
  return {
    ...database,
    schema,
    async close() {
      await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(database.db);
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
