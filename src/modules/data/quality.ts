import { sql, type RawBuilder } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { citizenIdProblem, creditCodeProblem } from '../../kernel/ids/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { DataCatalogue, Resource, ResourceItem } from './catalogue.ts';
import { FREQUENCIES, type FindingSummary, type QualityRule } from './schema.ts';
import { dataDb } from './tables.ts';

const KEEP_ROWS = 1000;
const PAGE = 5000;

/** What a stored run needs to know of its resource. */
export type ResourceRef = Pick<Resource, 'id' | 'code' | 'regionCode'>;

export interface QualityResult {
  startedAt: Date;
  score: number;
  total: number;
  withIssues: number;
  findings: Finding[];
}

export interface Finding {
  item: string | null;
  rule: string;
  count: number;
  rows: string[];
  detail: string;
}

const FORMAT_SQL: Record<string, string> = {
  'region-code': '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$',
  phone: '^1[3-9][0-9]{9}$',
  date: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
};

/**
 * Data quality (数据质量): each item's rules are checked over the whole table — set-based SQL where
 * the database can judge (required, ranges, uniqueness, cross-resource existence, plain formats),
 * and page by page in code where only the platform can (check digits of encrypted ID numbers and of
 * credit codes). Timeliness compares the last update with the declared frequency. A run stores a
 * score (share of rows with no finding), a summary per rule and up to 1,000 offending rows each.
 */
export class DataQuality {
  constructor(
    private readonly k: Kernel,
    private readonly catalogue: DataCatalogue,
  ) {}

  private columnOf(it: ResourceItem): { col: string; enc: boolean; idx?: string } | null {
    const s = it.storage;
    if ('column' in s) return { col: s.column, enc: false };
    if ('encrypted' in s) return { col: s.encrypted, enc: true, idx: s.index };
    return null;
  }

  private readonly keys = new Map<string, string>();

  /**
   * The column a table's rows are known by: most base tables have a uuid `id`, but registers keyed by
   * what they describe (data_death by the ID number's blind index, data_employer_insurance by credit
   * code) have no such column, so a check names rows by the table's own primary key.
   */
  private async keyOf(table: string): Promise<string> {
    let key = this.keys.get(table);
    if (!key) {
      const r = await sql<{ col: string }>`SELECT a.attname AS col FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = to_regclass(${table}) AND i.indisprimary ORDER BY a.attnum LIMIT 1`.execute(this.k.db);
      key = r.rows[0]?.col ?? 'id';
      this.keys.set(table, key);
    }
    return key;
  }

  private async ids(query: RawBuilder<{ id: string }>): Promise<{ count: number; rows: string[] }> {
    const rows = (await query.execute(this.k.db)).rows;
    return { count: rows.length, rows: rows.slice(0, KEEP_ROWS).map((r) => r.id) };
  }

  private async checkRule(r: Resource, it: ResourceItem, rule: QualityRule): Promise<Finding | null> {
    const c = this.columnOf(it);
    if (!c) return null;
    const t = sql.table(r.backingRef);
    const col = sql.ref(c.col);
    const keyName = await this.keyOf(r.backingRef);
    const id = sql.ref(keyName);
    const tid = sql.ref(`t.${keyName}`);
    let hit: { count: number; rows: string[] };
    let detail: string;
    switch (rule.kind) {
      case 'required':
        hit = await this.ids(c.enc || it.dataType !== 'string' ? sql<{ id: string }>`SELECT ${id}::text AS id FROM ${t} WHERE ${col} IS NULL ORDER BY ${id}` : sql<{ id: string }>`SELECT ${id}::text AS id FROM ${t} WHERE ${col} IS NULL OR btrim(${col}) = '' ORDER BY ${id}`);
        detail = '必填项为空 / required value missing';
        break;
      case 'range': {
        const cast = it.dataType === 'date' ? sql`::date` : sql`::numeric`;
        const parts = [rule.min !== undefined ? sql`${col} < ${rule.min}${cast}` : null, rule.max !== undefined ? sql`${col} > ${rule.max}${cast}` : null].filter(Boolean) as RawBuilder<unknown>[];
        if (!parts.length) return null;
        hit = await this.ids(sql<{ id: string }>`SELECT ${id}::text AS id FROM ${t} WHERE ${sql.join(parts, sql` OR `)} ORDER BY ${id}`);
        detail = `超出取值范围 ${rule.min ?? ''}～${rule.max ?? ''} / out of range`;
        break;
      }
      case 'unique': {
        const key = sql.ref(c.enc ? c.idx! : c.col);
        hit = await this.ids(sql<{ id: string }>`SELECT ${id}::text AS id FROM ${t} WHERE ${key} IN (SELECT ${key} FROM ${t} WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1) ORDER BY ${key}, ${id}`);
        detail = '值重复 / duplicate value';
        break;
      }
      case 'exists-in': {
        const other = await this.catalogue.byCode(rule.resource);
        const target = other?.items.find((i) => i.code === rule.item);
        const oc = target && this.columnOf(target);
        if (!other || !oc || other.backing !== 'table') return { item: it.code, rule: 'exists-in', count: 0, rows: [], detail: `参照的资源 ${rule.resource}.${rule.item} 不存在 / reference missing` };
        const mine = sql.ref(`t.${c.enc ? c.idx : c.col}`);
        const theirs = sql.ref(`o.${oc.enc ? oc.idx : oc.col}`);
        hit = await this.ids(sql<{ id: string }>`SELECT ${tid}::text AS id FROM ${t} t WHERE ${mine} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${sql.table(other.backingRef)} o WHERE ${theirs} = ${mine}) ORDER BY ${tid}`);
        detail = `在“${other.name}”中不存在 / not found in ${other.code}`;
        break;
      }
      case 'format': {
        if (rule.format in FORMAT_SQL && !c.enc) {
          hit = await this.ids(sql<{ id: string }>`SELECT ${id}::text AS id FROM ${t} WHERE ${col} IS NOT NULL AND ${col}::text !~ ${FORMAT_SQL[rule.format]} ORDER BY ${id}`);
        } else {
          // Check digits: read page by page, decrypting where the value is encrypted.
          const check = rule.format === 'citizen-id' ? (v: string) => citizenIdProblem(v) : (v: string) => creditCodeProblem(v);
          const rows: string[] = [];
          let count = 0;
          // Keyset paging on the table's own key (compared in its own type, so the index serves it).
          let after: unknown = null;
          for (;;) {
            const from = after === null ? sql`` : sql`WHERE ${id} > ${after}`;
            const page = (await sql<{ id: string; k: unknown; v: string | null }>`SELECT ${id}::text AS id, ${id} AS k, ${col} AS v FROM ${t} ${from} ORDER BY ${id} LIMIT ${PAGE}`.execute(this.k.db)).rows;
            if (!page.length) break;
            for (const p of page) {
              if (p.v == null) continue;
              let value: string;
              try {
                value = c.enc ? this.k.crypto.decryptField(p.v) : p.v;
              } catch {
                value = '';
              }
              if (check(value)) {
                count++;
                if (rows.length < KEEP_ROWS) rows.push(p.id);
              }
            }
            after = page[page.length - 1].k;
          }
          hit = { count, rows };
        }
        detail = `不符合${rule.format}格式或校验位错误 / not a valid ${rule.format}`;
        break;
      }
    }
    return hit.count ? { item: it.code, rule: rule.kind === 'format' ? `format:${rule.format}` : rule.kind, count: hit.count, rows: hit.rows, detail } : null;
  }

  /** How many steps a check of `r` takes, for its progress: one per rule, and the row count. */
  static steps(r: Resource): number {
    return r.items.reduce((n, it) => n + it.rules.length, 0) + 1;
  }

  /**
   * Checks every rule of one table resource; only reads, on connections of its own (it can take
   * long on a big table: run it from the job queue, see quality-runs.ts). `progress` hears how
   * many steps are done after each one.
   */
  async check(r: Resource, progress: (stepsDone: number) => Promise<void> = async () => {}): Promise<QualityResult> {
    const startedAt = this.k.clock.now();
    const findings: Finding[] = [];
    let done = 0;
    for (const it of r.items) for (const rule of it.rules) {
      const f = await this.checkRule(r, it, rule);
      if (f) findings.push(f);
      await progress(++done);
    }
    const days = FREQUENCIES.find((f) => f[0] === r.updateFrequency)?.[3] ?? 366;
    if (!r.lastUpdatedAt || this.k.clock.now().getTime() - Date.parse(r.lastUpdatedAt) > days * 2 * 86_400_000) findings.push({ item: null, rule: 'timeliness', count: 1, rows: [], detail: `超过更新周期（${r.updateFrequency}）未更新 / not updated within its declared frequency` });
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(r.backingRef)}`.execute(this.k.db)).rows[0].n);
    await progress(done + 1);
    const flagged = new Set(findings.flatMap((f) => f.rows));
    const withIssues = Math.max(flagged.size, findings.reduce((m, f) => Math.max(m, f.count), 0));
    const score = total ? Math.round((1 - Math.min(withIssues, total) / total) * 1_000_000) / 10_000 : 100;
    return { startedAt, score, total, withIssues, findings };
  }

  /** Stores a finished check as run `runId` (a new run, or the queued one it answers), in `trx`. */
  async store(trx: Tx, runId: string, r: ResourceRef, c: QualityResult): Promise<void> {
    const row = { started_at: c.startedAt, finished_at: this.k.clock.now(), row_total: c.total, rows_with_issues: c.withIssues, score: c.score, summary: JSON.stringify(c.findings.map((f) => ({ item: f.item, rule: f.rule, count: f.count, detail: f.detail }))), state: 'done' as const };
    await dataDb(trx)
      .insertInto('data_quality_run')
      .values({ id: runId, resource_id: r.id, region_code: r.regionCode, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    const issues = c.findings.flatMap((f) => (f.rows.length ? f.rows : [null]).map((row) => ({ id: uuidv7(), run_id: runId, resource_id: r.id, item_code: f.item, rule: f.rule, row_id: row, detail: f.detail })));
    for (let i = 0; i < issues.length; i += 2000) await dataDb(trx).insertInto('data_quality_issue').values(issues.slice(i, i + 2000)).execute();
    await this.k.recordChange(trx, { actor: { id: 'system', type: 'system', regionCode: r.regionCode }, action: 'quality-checked', objectType: 'data.resource', objectId: r.id, regionCode: r.regionCode, change: { code: r.code, score: c.score, findings: c.findings.length }, event: false });
  }

  /** Checks one table resource at once and stores the run (for tools and tests; the API queues runs). */
  async run(code: string): Promise<{ score: number; total: number; findings: Finding[] }> {
    const r = await this.catalogue.byCode(code);
    if (!r || r.backing !== 'table') return { score: 100, total: 0, findings: [] };
    const c = await this.check(r);
    await this.k.db.transaction().execute((trx) => this.store(trx, uuidv7(), r, c));
    return { score: c.score, total: c.total, findings: c.findings };
  }

  /** The latest score of each resource, and each providing department's average. */
  async scores() {
    const rows = await sql<{ code: string; name: string; provider_department_id: string; score: string; row_total: number; rows_with_issues: number; finished_at: Date; summary: FindingSummary[] }>`
      SELECT DISTINCT ON (r.id) r.code, r.name, r.provider_department_id, q.score, q.row_total, q.rows_with_issues, q.finished_at, q.summary
        FROM data_quality_run q JOIN data_resource r ON r.id = q.resource_id
       WHERE q.state = 'done'
       ORDER BY r.id, q.finished_at DESC, q.id DESC`.execute(this.k.db);
    const resources = rows.rows.map((r) => ({ code: r.code, name: r.name, departmentId: r.provider_department_id, score: Number(r.score), rows: r.row_total, rowsWithIssues: r.rows_with_issues, checkedAt: new Date(r.finished_at).toISOString(), findings: r.summary }));
    const byDept = new Map<string, number[]>();
    for (const r of resources) byDept.set(r.departmentId, [...(byDept.get(r.departmentId) ?? []), r.score]);
    return { resources, departments: [...byDept].map(([departmentId, s]) => ({ departmentId, score: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10_000) / 10_000 })) };
  }

  /** Offending rows of the latest run of a resource, for the provider to correct. */
  async issues(code: string, rule?: string) {
    const r = await this.catalogue.byCode(code);
    if (!r) return [];
    const run = await dataDb(this.k.db).selectFrom('data_quality_run').select('id').where('resource_id', '=', r.id).where('state', '=', 'done').orderBy('finished_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    if (!run) return [];
    let q = dataDb(this.k.db).selectFrom('data_quality_issue').select(['item_code', 'rule', 'row_id', 'detail']).where('run_id', '=', run.id);
    if (rule) q = q.where('rule', '=', rule);
    return (await q.limit(2000).execute()).map((i) => ({ item: i.item_code, rule: i.rule, rowId: i.row_id, detail: i.detail }));
  }
}
