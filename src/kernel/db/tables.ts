import type { ColumnType, Kysely, RawBuilder, Transaction } from 'kysely';
import type { Db, Executor, Tx } from './index.ts';

/*
 * Each module declares its tables' row types in its own `tables.ts` (a Kysely table interface per
 * table) and reads the shared handle through `tablesOf`, so its queries are checked against its
 * columns. src/modules/tables.test.ts keeps those declarations equal to what the migrations create.
 */

/** A `timestamptz`: read as a Date; written as a Date or an ISO 8601 string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * A `timestamptz` with a default (`now()`), so an insert may leave it out. (`Generated<Timestamp>`
 * would not do: Kysely does not unwrap a ColumnType inside another.)
 */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * A `jsonb` column holding a `T`: the drivers parse it on read; it is written as JSON text
 * (`JSON.stringify`), because pg would send a JS array as a PostgreSQL array, not as JSON.
 */
export type Json<T> = ColumnType<T, string, string>;

/** A `jsonb` column with a default, so an insert may leave it out. */
export type DefaultedJson<T> = ColumnType<T, string | undefined, string>;

/** A `tsvector` kept for full-text search: written only as SQL (`to_tsvector(…)`), never from a JS value. */
export type SearchText = ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;

/**
 * The shared handle (or an open transaction) typed with one module's tables.
 *
 * The kernel opens one untyped `Kysely<any>` for every module, since no module may know another's
 * tables; each module narrows it to its own here. This is the one cast that does so: the handle is
 * the same object, only its compile-time table map changes. (`Db.withTables<T>()` cannot do it:
 * `any & T` is still `any`.)
 */
export function tablesOf<T>(ex: Tx): Transaction<T>;
export function tablesOf<T>(ex: Db): Kysely<T>;
export function tablesOf<T>(ex: Executor): Kysely<T>;
export function tablesOf<T>(ex: Executor): Kysely<T> {
  return ex as Kysely<T>;
}
