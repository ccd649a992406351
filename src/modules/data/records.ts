import { sql } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { wellFormed } from './backing.ts';
import type { DataCatalogue, ResourceItem } from './catalogue.ts';

/** One row to load: its id, the region it belongs to (default the resource's) and values by item code. */
export interface RecordInput {
  id: string;
  regionCode?: string;
  values: Record<string, unknown>;
}

export interface LoadResult {
  loaded: number;
  replaced: number;
}

const MAX_ROWS = 100_000;
const MAX_ROW_CHARS = 8_000;
const MAX_TEXT = 2_000;
const BATCH = 2_000;
const MAX_PROBLEMS = 20;

type Problem = { path: string; message: string };

export const RecordErrors = {
  notRecords: () => new DomainError('DATA_NOT_RECORDS', 409, '该资源的数据不以记录方式存储', 'This resource is not stored as records'),
  invalid: (problems: Problem[], total: number) => new DomainError('DATA_RECORDS_INVALID', 422, `有 ${total} 处数据不符合数据项定义，未导入任何数据`, `${total} values do not fit the items; nothing was loaded`, problems),
  tooMany: () => new DomainError('DATA_RECORDS_TOO_MANY', 413, `一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per load`, [{ path: '/rows', message: `≤ ${MAX_ROWS}` }]),
};

/** Control characters (C0), which an id must not hold. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The value as the item's type, or what is wrong with it. */
function check(item: ResourceItem, v: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (v === null || v === undefined) return { ok: true, value: null };
  switch (item.dataType) {
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, message: 'an integer / 须为整数' };
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: 'a number / 须为数值' };
    case 'boolean':
      return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, message: 'true or false / 须为布尔值' };
    case 'date':
      return typeof v === 'string' && isDay(v) ? { ok: true, value: v } : { ok: false, message: 'a date YYYY-MM-DD / 须为日期' };
    default:
      if (typeof v !== 'string') return { ok: false, message: 'text / 须为文本' };
      if (v.length > MAX_TEXT) return { ok: false, message: `at most ${MAX_TEXT} characters / 不超过${MAX_TEXT}字` };
      if (v.includes('\u0000') || !wellFormed(v)) return { ok: false, message: 'no NUL or broken characters / 含空字符或无效字符' };
      return { ok: true, value: v };
  }
}

/**
 * Records (记录存储): the rows of departments' open datasets, kept in one table (data_record) as a
 * JSON object per row, keyed by each item's storage field. A load checks every row against the
 * items' types first and writes nothing if any value is wrong; it then writes in batches in one
 * transaction (replacing the resource's rows if asked), marks the resource updated, and is audited.
 */
export class DataRecords {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: DataCatalogue,
  ) {}

  /** A CSV upload (header of item codes or names) loaded as records. */
  async loadCsv(who: Principal, code: string, csv: string, opts: { replace?: boolean } = {}, requestId?: string): Promise<LoadResult> {
    const r = await this.catalogue.get(code);
    if (r.backing !== 'records') throw RecordErrors.notRecords();
    return this.load(who, code, recordsFromCsv(csv, r.items), opts, requestId);
  }

  async load(who: Principal, code: string, rows: RecordInput[], opts: { replace?: boolean } = {}, requestId?: string): Promise<LoadResult> {
    const r = await this.catalogue.get(code);
    // The catalogue's keepers, or the providing department's own data staff (数据专员).
    const scope = { regionCode: r.regionCode, departmentId: r.providerDepartmentId };
    if (!this.policy.can(who, 'opendata.provide', scope) || who.departmentId !== r.providerDepartmentId) assertAllowed(this.policy, who, 'data.catalogue', scope);
    if (r.backing !== 'records') throw RecordErrors.notRecords();
    if (!Array.isArray(rows)) throw RecordErrors.invalid([{ path: '/rows', message: 'a list of rows / 须为行列表' }], 1);
    if (rows.length > MAX_ROWS) throw RecordErrors.tooMany();
    const byCode = new Map(r.items.map((i) => [i.code, i]));
    const problems: Problem[] = [];
    let total = 0;
    const problem = (path: string, message: string) => {
      total++;
      if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
    };
    const ids: string[] = [];
    const regions: string[] = [];
    const values: string[] = [];
    const seen = new Set<string>();
    rows.forEach((row, n) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) return problem(`/rows/${n}`, 'an object / 须为对象');
      const id = row.id;
      if (typeof id !== 'string' || id.length < 1 || id.length > 64 || hasControl(id) || !wellFormed(id)) problem(`/rows/${n}/id`, 'an id of 1 to 64 characters / 须为1至64字的标识');
      else if (seen.has(id)) problem(`/rows/${n}/id`, 'the same id twice / 标识重复');
      else seen.add(id);
      const region = row.regionCode ?? r.regionCode;
      if (typeof region !== 'string' || !/^\d{6,12}$/.test(region)) problem(`/rows/${n}/regionCode`, 'a region code / 须为行政区划代码');
      const given = row.values;
      if (!given || typeof given !== 'object' || Array.isArray(given)) return problem(`/rows/${n}/values`, 'an object / 须为对象');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(given)) {
        const item = byCode.get(k);
        if (!item || !('field' in item.storage)) {
          problem(`/rows/${n}/values/${k.slice(0, 40)}`, 'not an item of this resource / 不是该资源的数据项');
          continue;
        }
        const c = check(item, v);
        if (!c.ok) problem(`/rows/${n}/values/${k}`, c.message);
        else if (c.value !== null) out[item.storage.field] = c.value;
      }
      const json = JSON.stringify(out);
      if (json.length > MAX_ROW_CHARS) problem(`/rows/${n}`, `a row of at most ${MAX_ROW_CHARS} characters / 单行不超过${MAX_ROW_CHARS}字`);
      ids.push(String(id));
      regions.push(String(region));
      values.push(json);
    });
    if (total) throw RecordErrors.invalid(problems, total);
    const now = this.k.clock.now();
    const result = await this.k.db.transaction().execute(async (trx) => {
      let replaced = 0;
      if (opts.replace) replaced = Number((await sql`DELETE FROM data_record WHERE resource_id = ${r.id}`.execute(trx)).numAffectedRows ?? 0);
      for (let i = 0; i < ids.length; i += BATCH) {
        // One statement per batch with one array per column, as the usage log writes.
        await sql`INSERT INTO data_record (resource_id, id, region_code, "values", updated_at)
          SELECT ${r.id}::uuid, u.id, u.region, u.v::jsonb, ${now}::timestamptz
            FROM unnest(${ids.slice(i, i + BATCH)}::text[], ${regions.slice(i, i + BATCH)}::text[], ${values.slice(i, i + BATCH)}::text[]) AS u(id, region, v)
          ON CONFLICT (resource_id, id) DO UPDATE SET region_code = excluded.region_code, "values" = excluded."values", updated_at = excluded.updated_at`.execute(trx);
      }
      await this.catalogue.touched(trx, code);
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'records-loaded', objectType: 'data.resource', objectId: r.id, regionCode: r.regionCode, change: { code, rows: ids.length, replace: !!opts.replace, replaced }, requestId });
      return { loaded: ids.length, replaced };
    });
    this.catalogue.forget(code);
    return result;
  }
}

const MAX_CSV_CHARS = 20_000_000;

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM from spreadsheet programs
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw RecordErrors.invalid([{ path: '/csv', message: 'a quoted field is not closed / 引号未闭合' }], 1);
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/** A CSV cell as the item's type where it reads as one; otherwise the text, for the load to refuse. */
function typed(dataType: string, cell: string): unknown {
  const v = cell.trim();
  if (v === '') return null;
  if (dataType === 'integer' || dataType === 'number') return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : cell;
  if (dataType === 'boolean') return ['true', '是', '1', 'yes'].includes(v.toLowerCase()) ? true : ['false', '否', '0', 'no'].includes(v.toLowerCase()) ? false : cell;
  return dataType === 'date' ? v : cell;
}

/**
 * Rows of a CSV upload: a header of item codes or item names, and optionally `_id` (the row's id;
 * the line number otherwise) and `_region` (its region code).
 */
export function recordsFromCsv(text: string, items: ResourceItem[]): RecordInput[] {
  if (text.length > MAX_CSV_CHARS) throw RecordErrors.tooMany();
  const rows = csvRows(text);
  if (!rows.length) throw RecordErrors.invalid([{ path: '/csv', message: 'a header row and rows / 须有表头和数据行' }], 1);
  const header = rows[0].map((h) => h.trim());
  const problems: Problem[] = [];
  const columns = header.map((h, n) => {
    if (h === '_id' || h === '_region') return h;
    const item = items.find((i) => i.code === h || i.name === h);
    if (!item) problems.push({ path: `/csv/header/${n}`, message: `${h.slice(0, 40)}: not an item / 不是该资源的数据项` });
    return item ?? null;
  });
  if (problems.length) throw RecordErrors.invalid(problems, problems.length);
  if (rows.length - 1 > MAX_ROWS) throw RecordErrors.tooMany();
  return rows.slice(1).map((cells, n) => {
    const out: RecordInput = { id: String(n + 1).padStart(6, '0'), values: {} };
    columns.forEach((col, k) => {
      const cell = cells[k] ?? '';
      if (col === '_id') out.id = cell.trim();
      else if (col === '_region') {
        if (cell.trim()) out.regionCode = cell.trim();
      } else if (col) out.values[col.code] = typed(col.dataType, cell);
    });
    return out;
  });
}
