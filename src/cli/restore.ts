import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Tx } from '../kernel/db/index.ts';
import { DomainError } from '../kernel/http/errors.ts';
import { appliedMigrations, dataTables, enabledTriggers, exactTextOutput, foreignKeys, writableColumns, type Column } from './backup-catalog.ts';
import { BackupErrors } from './backup-errors.ts';
import { FORMAT, VERSION, columnPairs, type BackupHeader, type BackupTrailer, type TableMarker } from './backup-format.ts';

/** Rows sent to the database per statement, bounded both in count and in text size. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4 << 20;

/**
 * Restores a backup made by `backup()` into a migrated, EMPTY database, in one transaction: a
 * file that is damaged, cut short or from another schema is refused and nothing is left behind.
 * Foreign keys are dropped for the load and created again at the end, which checks every
 * reference at once and needs no superuser (unlike session_replication_role); triggers a migration
 * created are paused, since the rows are copies of rows they already saw.
 */
export async function restore(db: Db, file: string, onProgress: (table: string, rows: number) => void): Promise<number> {
  if (!fs.existsSync(file)) throw BackupErrors.fileMissing(file);
  const input = lines(file);
  try {
    const header = await readHeader(input);
    const ours = await appliedMigrations(db);
    const missing = header.migrations.filter((m) => !ours.includes(m));
    const extra = ours.filter((m) => !header.migrations.includes(m));
    if (missing.length || extra.length) throw BackupErrors.migrationsDiffer(missing, extra);
    return await db.transaction().execute(async (trx) => {
      await exactTextOutput(trx);
      for (const t of await dataTables(trx)) {
        const r = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(t)}) AS found`.execute(trx);
        if (r.rows[0].found) throw BackupErrors.targetNotEmpty(t);
      }
      const fks = await foreignKeys(trx);
      const triggers = await enabledTriggers(trx);
      for (const k of fks) await sql`ALTER TABLE ${sql.table(k.table)} DROP CONSTRAINT ${sql.id(k.name)}`.execute(trx);
      for (const g of triggers) await sql`ALTER TABLE ${sql.table(g.table)} DISABLE TRIGGER ${sql.id(g.name)}`.execute(trx);
      const total = await damagedUnlessDomain(() => load(trx, input, onProgress));
      // pg_get_constraintdef text comes from the catalogue itself, not from the file.
      for (const k of fks) await damagedUnlessDomain(() => sql`ALTER TABLE ${sql.table(k.table)} ADD CONSTRAINT ${sql.id(k.name)} ${sql.raw(k.definition)}`.execute(trx));
      for (const g of triggers) await sql`ALTER TABLE ${sql.table(g.table)} ENABLE TRIGGER ${sql.id(g.name)}`.execute(trx);
      return total;
    });
  } finally {
    await input.return(undefined);
  }
}

/** Reads rows and markers after the header, table by table; checks the trailer and sets every sequence. */
async function load(trx: Tx, input: AsyncGenerator<string>, onProgress: (table: string, rows: number) => void): Promise<number> {
  const known = new Set(await dataTables(trx));
  const counts: Record<string, number> = {};
  let table: { name: string; columns: Column[] } | null = null;
  let batch: string[] = [];
  let chars = 0;
  let trailer: BackupTrailer | null = null;
  let lineNo = 1;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    // Each value is read by its column's type's own input function; the types come from this
    // database's catalogue (and equal the file's, checked at the table marker).
    const values = sql.join(table.columns.map((c, i) => sql`(r->>${sql.raw(String(i))})::${sql.raw(c.type)}`));
    const r = await sql`INSERT INTO ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.id(c.name)))}) OVERRIDING SYSTEM VALUE
      SELECT ${values} FROM json_array_elements(${`[${batch.join(',')}]`}::json) AS r
       WHERE json_array_length(r) = ${table.columns.length}`.execute(trx);
    if (Number(r.numAffectedRows) !== batch.length) throw BackupErrors.damaged(`a row of table ${table.name} before line ${lineNo} has the wrong number of values`);
    counts[table.name] += batch.length;
    batch = [];
    chars = 0;
  };
  for await (const text of input) {
    lineNo++;
    if (trailer) throw BackupErrors.damaged(`data after the end marker (line ${lineNo})`);
    if (text.startsWith('[')) {
      if (!table) throw BackupErrors.damaged(`a row outside any table (line ${lineNo})`);
      batch.push(text);
      chars += text.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      continue;
    }
    const marker = parseMarker(text, lineNo);
    await flush();
    if (table) onProgress(table.name, counts[table.name]);
    table = null;
    if ('end' in marker) {
      trailer = marker.end;
      continue;
    }
    const name = marker.table;
    if (!known.has(name)) throw BackupErrors.damaged(`table ${name} is not in this version's schema`);
    if (name in counts) throw BackupErrors.damaged(`table ${name} appears twice`);
    const ours = await writableColumns(trx, name);
    if (JSON.stringify(columnPairs(ours)) !== JSON.stringify(marker.columns)) {
      throw BackupErrors.damaged(`table ${name} has columns ${JSON.stringify(marker.columns)} in the file, ${JSON.stringify(columnPairs(ours))} here`);
    }
    table = { name, columns: ours };
    counts[name] = 0;
  }
  if (!trailer) throw BackupErrors.damaged('the file ends before its end marker (cut short)');
  for (const name of new Set([...Object.keys(trailer.tables), ...Object.keys(counts)])) {
    const expected = trailer.tables[name] ?? 0;
    if (counts[name] !== expected) throw BackupErrors.damaged(`table ${name} should have ${expected} rows, the file holds ${counts[name] ?? 0}`);
  }
  for (const s of trailer.sequences) {
    await sql`SELECT setval(quote_ident(${s.name})::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(trx);
  }
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The first line, which says what the file is. */
async function readHeader(input: AsyncGenerator<string>): Promise<BackupHeader> {
  let first: IteratorResult<string>;
  let header: Partial<BackupHeader> | null;
  try {
    first = await input.next();
    header = first.done ? null : JSON.parse(first.value);
  } catch {
    throw BackupErrors.notABackup();
  }
  if (!header || typeof header !== 'object' || header.format !== FORMAT) throw BackupErrors.notABackup();
  if (header.version !== VERSION || !Array.isArray(header.migrations)) throw BackupErrors.unsupportedVersion(header.version);
  return header as BackupHeader;
}

function parseMarker(text: string, lineNo: number): TableMarker | { end: BackupTrailer } {
  let v: Record<string, unknown> | null;
  try {
    v = JSON.parse(text);
  } catch {
    throw BackupErrors.damaged(`line ${lineNo} is not valid JSON`);
  }
  const isPair = (c: unknown) => Array.isArray(c) && c.length === 2 && c.every((x) => typeof x === 'string');
  if (v && typeof v.table === 'string' && Array.isArray(v.columns) && v.columns.every(isPair)) return v as unknown as TableMarker;
  const end = v?.end as Partial<BackupTrailer> | undefined;
  if (end && typeof end.tables === 'object' && end.tables !== null && Array.isArray(end.sequences)) return v as { end: BackupTrailer };
  throw BackupErrors.damaged(`line ${lineNo} is neither a row nor a marker`);
}

/** Anything that goes wrong while reading the file's content means the file is damaged. */
async function damagedUnlessDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const e = err as { code?: string; message?: string };
    if (e.code === 'Z_BUF_ERROR') throw BackupErrors.damaged('the file is cut short');
    if (e.code === 'Z_DATA_ERROR') throw BackupErrors.damaged('the compressed data is corrupt');
    // PostgreSQL's message names the table, constraint or type; its detail (which may quote data) is left out.
    throw BackupErrors.damaged(e.message ?? String(err));
  }
}

/** The file's lines, decompressed as they are read. */
async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  // pipeline passes a read error of the file on to gunzip, where the loop below sees it.
  pipeline(fs.createReadStream(file), gunzip, () => {});
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop()!;
      for (const p of parts) if (p) yield p;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    gunzip.destroy();
  }
}
