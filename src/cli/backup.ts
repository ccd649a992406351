import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Db } from '../kernel/db/index.ts';

const FORMAT = 'yiwang-backup';

/** Our tables in creation order (so parents come before children on restore). */
async function tables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema()
       AND c.relname NOT IN ('kernel_migration', 'kernel_migration_lock')
     ORDER BY c.oid`.execute(db);
  return r.rows.map((x) => x.name);
}

/**
 * Logical backup: gzip'd JSON lines, one header then one line per row, read in one
 * repeatable-read snapshot and paged by ctid so memory stays flat. Works the same on PGlite and
 * PostgreSQL. The key file (keys.json) is NOT included: it must be kept separately, or encrypted
 * fields cannot be read after a restore.
 */
export async function backup(db: Db, file: string, onProgress: (table: string, rows: number) => void): Promise<number> {
  const gz = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gz.pipe(out);
  const write = async (obj: unknown) => {
    if (!gz.write(`${JSON.stringify(obj)}\n`)) await once(gz, 'drain');
  };
  // One snapshot for every table, so the copy is consistent while the platform keeps writing.
  const total = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const migrations = await trx.selectFrom('kernel_migration').select('name').orderBy('name').execute();
      await write({ format: FORMAT, version: 1, migrations: migrations.map((m) => m.name), at: new Date().toISOString() });
      let rowsWritten = 0;
      for (const t of await tables(trx as unknown as Db)) {
        let n = 0;
        for (let offset = 0; ; offset += 2000) {
          const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)} ORDER BY ctid LIMIT 2000 OFFSET ${offset}`.execute(trx);
          for (const row of rows.rows) await write({ t, r: row });
          n += rows.rows.length;
          if (rows.rows.length < 2000) break;
        }
        rowsWritten += n;
        onProgress(t, n);
      }
      return rowsWritten;
    });
  gz.end();
  await once(out, 'finish');
  return total;
}

/** Restores a backup into a migrated, empty database in one transaction; refuses a non-empty one. */
export async function restore(db: Db, file: string, onProgress: (table: string, rows: number) => void): Promise<number> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  let header: { format?: string; migrations?: string[] } | null = null;
  let total = 0;
  await db.transaction().execute(async (trx) => {
    const existing = await tables(trx as unknown as Db);
    for (const t of existing) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(trx);
      if (Number(r.rows[0]?.n) > 0) throw new Error(`target database is not empty (table ${t} has rows); restore into a fresh database`);
    }
    // Rows arrive table by table; foreign keys are checked by the data's own consistency.
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    let batch: { t: string; rows: Record<string, unknown>[] } | null = null;
    const flush = async () => {
      if (!batch || batch.rows.length === 0) return;
      await trx.insertInto(batch.t).values(batch.rows.map(jsonify)).execute();
      total += batch.rows.length;
      batch.rows = [];
    };
    // Opened only now: readline starts reading at once, and lines read before the loop began would be lost.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const obj = JSON.parse(line);
      if (!header) {
        if (obj.format !== FORMAT) throw new Error('not a Yiwang backup file');
        header = obj;
        continue;
      }
      if (!existing.includes(obj.t)) throw new Error(`backup has table ${obj.t} that this version does not know`);
      if (batch && batch.t !== obj.t) {
        await flush();
        onProgress(batch.t, 0);
      }
      if (!batch || batch.t !== obj.t) batch = { t: obj.t, rows: [] };
      batch.rows.push(obj.r);
      if (batch.rows.length >= 500) await flush();
    }
    await flush();
    if (!header) throw new Error('empty backup file');
  });
  return total;
}

/** jsonb values come back as objects; send them as JSON text again. */
function jsonify(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
  return out;
}
