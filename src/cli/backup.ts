import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Tx } from '../kernel/db/index.ts';
import { appliedMigrations, dataTables, exactTextOutput, sequenceStates, writableColumns } from './backup-catalog.ts';
import { FORMAT, VERSION, columnPairs, type BackupHeader, type BackupTrailer, type EndMarker, type TableMarker } from './backup-format.ts';

/** Rows fetched from a table's cursor at a time: memory stays flat however large the table. */
const FETCH = 1000;

/**
 * Logical backup of every table and sequence (format in backup-format.ts), read in one
 * repeatable-read snapshot so the copy is consistent while the platform keeps writing. Works the
 * same on PGlite and PostgreSQL. Written to `<file>.partial` and renamed when complete, so a
 * failed run never leaves a file that looks like a backup. The key file (keys.json) and stored
 * files (data/files or the S3 bucket) are NOT included: keep them as well.
 */
export async function backup(db: Db, file: string, onProgress: (table: string, rows: number) => void): Promise<number> {
  const partial = `${file}.partial`;
  const text = new PassThrough();
  const written = pipeline(text, createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
  const line = async (value: string) => {
    if (!text.write(`${value}\n`)) await Promise.race([once(text, 'drain'), written]);
  };
  try {
    const total = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await exactTextOutput(trx);
        const header: BackupHeader = { format: FORMAT, version: VERSION, migrations: await appliedMigrations(trx), at: new Date().toISOString() };
        await line(JSON.stringify(header));
        const trailer: BackupTrailer = { rows: 0, tables: {}, sequences: [] };
        for (const table of await dataTables(trx)) {
          const n = await copyTable(trx, table, line);
          trailer.tables[table] = n;
          trailer.rows += n;
          onProgress(table, n);
        }
        // Read last: every number the snapshot's rows used is then at or below the saved position.
        trailer.sequences = await sequenceStates(trx);
        await line(JSON.stringify({ end: trailer } satisfies EndMarker));
        return trailer.rows;
      });
    text.end();
    await written;
    fs.renameSync(partial, file);
    return total;
  } catch (err) {
    text.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Writes one table's marker and rows, each row as the text form of its column values. */
async function copyTable(trx: Tx, table: string, line: (value: string) => Promise<void>): Promise<number> {
  const columns = await writableColumns(trx, table);
  await line(JSON.stringify({ table, columns: columnPairs(columns) } satisfies TableMarker));
  const values = sql.join(columns.map((c) => sql`${sql.id(c.name)}::text`));
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT array_to_json(ARRAY[${values}]::text[])::text AS r FROM ${sql.table(table)}`.execute(trx);
  let n = 0;
  for (;;) {
    const rows = await sql<{ r: string }>`FETCH ${sql.raw(String(FETCH))} FROM backup_rows`.execute(trx);
    for (const { r } of rows.rows) await line(r);
    n += rows.rows.length;
    if (rows.rows.length < FETCH) break;
  }
  await sql`CLOSE backup_rows`.execute(trx);
  return n;
}
