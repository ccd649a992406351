import { sql, type RawBuilder } from 'kysely';

/** Column name → PostgreSQL type, for rows written inside composed statements. */
export type ColumnTypes<R> = { [K in keyof R]: string };

/**
 * `INSERT INTO table (cols) SELECT $1::type, … [WHERE cond]` for one known row. Every value is cast
 * to its column's type, so the row can be written from a CTE where PostgreSQL cannot infer types.
 */
export function insertRowSql<R extends Record<string, unknown>>(table: string, row: R, types: ColumnTypes<R>, onlyIf?: RawBuilder<unknown>): RawBuilder<unknown> {
  const cols = Object.keys(types) as (keyof R & string)[];
  const values = sql.join(cols.map((c) => sql`${row[c] ?? null}::${sql.raw(types[c])}`));
  const columns = sql.join(cols.map((c) => sql.ref(c)));
  return onlyIf ? sql`INSERT INTO ${sql.table(table)} (${columns}) SELECT ${values} WHERE ${onlyIf}` : sql`INSERT INTO ${sql.table(table)} (${columns}) SELECT ${values}`;
}
