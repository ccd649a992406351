import { sql } from 'kysely';
import type { Executor } from '../kernel/db/index.ts';

/**
 * What a backup needs to know about the schema it reads or writes, taken from pg_catalog so that
 * every table, column type and sequence a migration adds is covered without listing it here.
 * Everything is looked up in the current schema (tests give each file its own).
 */

/** Migration bookkeeping belongs to the code version, not to the data: the target migrates itself. */
const NOT_DATA = ['kernel_migration', 'kernel_migration_lock'];

/** Our ordinary tables, by name. */
export async function dataTables(db: Executor): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname NOT IN (${sql.join(NOT_DATA)})
     ORDER BY c.relname`.execute(db);
  return r.rows.map((x) => x.name);
}

export interface Column {
  name: string;
  /** As format_type writes it, e.g. `timestamp with time zone`, `text[]`, `numeric(12,2)`. */
  type: string;
}

/** The columns a row can be written to (generated columns are computed again), in table order. */
export async function writableColumns(db: Executor, table: string): Promise<Column[]> {
  const r = await sql<Column>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ${table}
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`.execute(db);
  return r.rows;
}

/**
 * Settings under which every value's text form reads back as exactly the same value (as pg_dump
 * sets them): ISO dates, full float precision, hex bytea. Set on both backup and restore.
 */
export async function exactTextOutput(trx: Executor): Promise<void> {
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(trx);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(trx);
  await sql`SET LOCAL extra_float_digits = 3`.execute(trx);
  await sql`SET LOCAL bytea_output = 'hex'`.execute(trx);
}

export interface SequenceState {
  name: string;
  /** As text: a bigint may exceed what a JS number holds exactly. */
  lastValue: string;
  isCalled: boolean;
}

/** Every sequence's position (outside any snapshot: sequences are not transactional). */
export async function sequenceStates(db: Executor): Promise<SequenceState[]> {
  const names = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'S' AND n.nspname = current_schema() ORDER BY c.relname`.execute(db);
  const out: SequenceState[] = [];
  for (const { name } of names.rows) {
    const r = await sql<{ v: string; called: boolean }>`SELECT last_value::text AS v, is_called AS called FROM ${sql.table(name)}`.execute(db);
    out.push({ name, lastValue: r.rows[0].v, isCalled: r.rows[0].called });
  }
  return out;
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys between our tables, with the definition to create each again. */
export async function foreignKeys(db: Executor): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()
     ORDER BY c.relname, k.conname`.execute(db);
  return r.rows;
}

export interface Trigger {
  table: string;
  name: string;
}

/** Triggers a migration created that are switched on (foreign-key triggers are internal and not listed). */
export async function enabledTriggers(db: Executor): Promise<Trigger[]> {
  const r = await sql<Trigger>`
    SELECT c.relname AS "table", t.tgname AS name
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema()
     ORDER BY c.relname, t.tgname`.execute(db);
  return r.rows;
}

/** Names of the migrations applied to this database. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const r = await db.selectFrom('kernel_migration').select('name').orderBy('name').execute();
  return r.map((m) => m.name as string);
}
