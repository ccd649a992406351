import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Resource, ResourceItem } from './catalogue.ts';
import { DataErrors } from './errors.ts';

/*
 * Reading a resource's rows whatever backs it: a data_ table (items are columns, or encrypted with a
 * blind index and a masked copy) or stored records (data_record, items are fields of a JSON object).
 * Table and column names come from the catalogue, never from a caller; values are always bound.
 */

export interface Condition {
  item: string;
  op: 'eq' | 'in' | 'prefix' | 'gte' | 'lte';
  value: unknown;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text that is valid Unicode (no lone surrogate halves, which PostgreSQL refuses in JSON). */
export const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

const CASTS: Record<string, string> = { integer: 'bigint', number: 'numeric', date: 'date', boolean: 'boolean' };

/** The typed SQL expression of a plain (not encrypted) item: its column, or its record field cast to the item's type. */
export function itemExpr(item: ResourceItem): RawBuilder<unknown> {
  const s = item.storage;
  if ('column' in s) return sql`${sql.ref(s.column)}`;
  if ('field' in s) {
    const raw = sql`(${sql.ref('values')} ->> ${sql.lit(s.field)})`;
    const cast = CASTS[item.dataType];
    return cast ? sql`${raw}::${sql.raw(cast)}` : raw;
  }
  throw DataErrors.badCondition(`${item.code}: encrypted / 加密数据项`);
}

/** A caller's value as the item's type, or a clear error. */
export function coerce(item: ResourceItem, v: unknown): unknown {
  const bad = (m: string) => DataErrors.badCondition(`${item.code}: ${m}`);
  switch (item.dataType) {
    case 'integer':
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n) || (item.dataType === 'integer' && !Number.isSafeInteger(n))) throw bad('not a number / 不是数值');
      return n;
    }
    case 'date':
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw bad('a date YYYY-MM-DD / 须为日期');
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw bad('true or false / 须为布尔值');
      return v;
    default:
      if (typeof v !== 'string' || v.length > 200 || v.includes('\u0000') || !wellFormed(v)) throw bad('text up to 200 characters / 须为不超过200字的文本');
      return v;
  }
}

/** One condition as SQL; encrypted items match only exactly, through their blind index. */
export function conditionSql(k: Kernel, r: Resource, c: Condition): Expression<SqlBool> {
  const item = r.items.find((i) => i.code === c.item);
  if (!item) throw DataErrors.unknownItems([String(c.item)]);
  const s = item.storage;
  const enc = 'encrypted' in s;
  const target = enc ? sql`${sql.ref(s.index)}` : itemExpr(item);
  const value = (v: unknown) => (enc ? k.crypto.blindIndex(String(coerce(item, v)).toUpperCase()) : coerce(item, v));
  if (enc && c.op !== 'eq' && c.op !== 'in') throw DataErrors.badCondition(`${c.item}: only eq or in on an encrypted item / 加密数据项只能精确匹配`);
  switch (c.op) {
    case 'eq':
      return sql<SqlBool>`${target} = ${value(c.value)}`;
    case 'in': {
      if (!Array.isArray(c.value) || c.value.length === 0 || c.value.length > 100) throw DataErrors.badCondition(`${c.item}: in takes 1 to 100 values / in 须为1至100个值`);
      return sql<SqlBool>`${target} IN (${sql.join(c.value.map(value))})`;
    }
    case 'prefix': {
      if (item.dataType !== 'string') throw DataErrors.badCondition(`${c.item}: prefix is for text / 前缀匹配仅用于文本`);
      const v = String(coerce(item, c.value)).replace(/[\\%_]/g, (m) => `\\${m}`);
      return sql<SqlBool>`${target} LIKE ${`${v}%`}`;
    }
    case 'gte':
    case 'lte':
      if (item.dataType === 'boolean' || item.dataType === 'string') throw DataErrors.badCondition(`${c.item}: ranges are for numbers and dates / 范围条件仅用于数值和日期`);
      return c.op === 'gte' ? sql<SqlBool>`${target} >= ${value(c.value)}` : sql<SqlBool>`${target} <= ${value(c.value)}`;
    default:
      throw DataErrors.badCondition(`unknown operator / 未知运算符`);
  }
}

/** Rows of a region (GB/T 2260 prefix), as a grant's row limit. */
export function regionSql(prefix: string): Expression<SqlBool> {
  if (!/^\d{2,12}$/.test(prefix)) throw DataErrors.badCondition('rowRegion: a region code / 须为行政区划代码');
  return sql<SqlBool>`region_code LIKE ${`${prefix}%`}`;
}

/** FROM and the conditions every read of the resource carries (a records resource reads only its own rows). */
export function sourceSql(r: Resource): { from: RawBuilder<unknown>; base: Expression<SqlBool>[] } {
  if (r.backing === 'records') return { from: sql`data_record`, base: [sql<SqlBool>`resource_id = ${r.id}`] };
  if (r.backing === 'table') return { from: sql`${sql.table(r.backingRef)}`, base: [] };
  throw DataErrors.badCondition('not stored in this database / 非本库数据');
}

/** SQL of `WHERE a AND b …`, or nothing. */
export function whereSql(conds: Expression<SqlBool>[]): RawBuilder<unknown> {
  return conds.length ? sql`WHERE ${sql.join(conds.map((w) => sql`(${w})`), sql` AND `)}` : sql``;
}

/** A page's `after` key: a row id as the backing stores it (uuid for the base tables, text for records). */
export function afterKey(r: Resource, after: string | null | undefined): Expression<SqlBool>[] {
  if (after == null) return [];
  if (typeof after !== 'string' || after.length > 200 || after.includes('\u0000') || !wellFormed(after)) throw DataErrors.badCondition('after: a row id / 须为行标识');
  if (r.backing === 'table') {
    if (!/^[0-9a-f-]{36}$/i.test(after)) throw DataErrors.badCondition('after: a row id / 须为行标识');
    return [sql<SqlBool>`id > ${after}::uuid`];
  }
  return [sql<SqlBool>`id > ${after}`];
}

/**
 * One page in id order: the id and the given columns of a table, or the id and the JSON object of
 * a record (`values`).
 */
export async function selectPage(ex: Executor, r: Resource, cols: string[], where: Expression<SqlBool>[], limit: number, after?: string | null): Promise<Record<string, unknown>[]> {
  const { from, base } = sourceSql(r);
  const select = r.backing === 'records' ? [sql.ref('id'), sql.ref('values')] : [sql.ref('id'), ...cols.map((c) => sql.ref(c))];
  const res = await sql<Record<string, unknown>>`
    SELECT ${sql.join(select)} FROM ${from}
      ${whereSql([...base, ...where, ...afterKey(r, after)])}
     ORDER BY id
     LIMIT ${limit}`.execute(ex);
  return res.rows;
}

/** The stored value of a plain item in a row read by selectPage (dates as YYYY-MM-DD, numerics as numbers). */
export function plainValue(item: ResourceItem, row: Record<string, unknown>): unknown {
  const s = item.storage;
  let v: unknown;
  if ('column' in s) v = row[s.column];
  else if ('field' in s) v = (row.values as Record<string, unknown> | null)?.[s.field] ?? null;
  else return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && (item.dataType === 'number' || item.dataType === 'integer')) return Number(v);
  return v;
}
