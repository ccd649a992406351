import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { DomainError, Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { AggregateGroup, AggregateQuery, Dataset, DatasetItem, SandboxAccess, SourceCondition } from '../ports.ts';
import { control, type Controlled } from './disclosure.ts';
import { SandboxErrors } from './errors.ts';
import { SANDBOX_QUERIED } from './events.ts';
import type { Condition, HistoryQuery, LogEntry, LogQuery, Measure, QueryInput, QueryResult } from './schema.ts';
import { sandboxSettings, type SandboxSettings } from './settings.ts';
import { sandboxDb } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC = new Set(['integer', 'number']);
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
/** Released groups in one answer at most (a group-by that fine is no longer a statistic). */
export const MAX_GROUPS = 2000;
const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

/** The source's refusal of a group-by with more groups than it computes. */
const tooMany = (err: unknown) => err instanceof DomainError && /TOO_MANY_GROUPS/.test(err.code);

/** The start (UTC) of the China Standard Time day that holds `t`. */
export const cstDayStart = (t: Date) => new Date(Math.floor((t.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS);

interface Normalized {
  groupBy: string[];
  measures: Measure[];
  where: Condition[];
}

interface Finish {
  status: 'answered' | 'refused';
  refusalCode: string | null;
  controlled: Controlled | null;
}

export interface AccessView {
  datasets: {
    datasetId: string;
    name: string;
    title: string;
    titleEn: string;
    applicationId: string;
    rowRegion: string | null;
    until: string;
    items: { code: string; name: string; dataType: string; numeric: boolean }[];
  }[];
  k: number;
  budget: { limit: number; used: number };
}

export interface LogPageView {
  items: LogEntry[];
  next: string | null;
  perDay: { day: string; answered: number; refused: number }[];
}

/**
 * 沙箱 (可用不可见): a user whose 可用不可见 application was approved puts aggregate queries to the
 * dataset; they run in the database (`source.aggregate`), pass disclosure control (disclosure.ts)
 * and only what is safe leaves. Every query — answered or refused — is logged for the provider.
 */
export class SandboxQueries {
  constructor(private readonly ctx: OpendataContext) {}

  private get k() {
    return this.ctx.k;
  }

  /* ------------------------------------------------------------------ what the user may query */

  async access(who: Principal): Promise<AccessView> {
    const grants = need(this.ctx, 'grants');
    const conditional = (await need(this.ctx, 'catalogue').published()).filter((d) => d.openType === 'conditional');
    const out: AccessView['datasets'] = [];
    for (const d of conditional) {
      const a = await grants.sandboxAccess(this.k.db, who, d.id);
      if (!a) continue;
      const agreed = new Set(a.items);
      out.push({
        datasetId: d.id,
        name: d.name,
        title: d.title,
        titleEn: d.titleEn,
        applicationId: a.applicationId,
        rowRegion: a.rowRegion,
        until: a.until,
        items: d.items.filter((i) => agreed.has(i.code)).map((i) => ({ code: i.code, name: i.name, dataType: i.dataType, numeric: NUMERIC.has(i.dataType) })),
      });
    }
    const settings = await sandboxSettings(this.k.settings, out[0] ? (conditional.find((d) => d.id === out[0].datasetId)?.regionCode ?? this.k.config.regionCode) : this.k.config.regionCode);
    return { datasets: out, k: settings.k, budget: { limit: settings.dailyBudget, used: await this.usedToday(who.accountId) } };
  }

  /* ------------------------------------------------------------------ a query */

  async run(who: Principal, input: QueryInput, requestId?: string): Promise<QueryResult> {
    const dataset = await this.dataset(input.dataset);
    const settings = await sandboxSettings(this.k.settings, dataset.regionCode);
    const q: Normalized = { groupBy: input.groupBy ?? [], measures: input.measures ?? [], where: input.where ?? [] };
    const start = await this.begin(who, dataset, q, settings, requestId);
    if (start.refused) throw SandboxErrors.budget(settings.dailyBudget);
    const id = start.id;
    let access: SandboxAccess | null = null;
    let outcome: Controlled;
    try {
      access = await need(this.ctx, 'grants').sandboxAccess(this.k.db, who, dataset.id);
      if (!access || access.datasetId !== dataset.id) throw SandboxErrors.noAccess();
      this.check(q, access, dataset.items);
      outcome = await this.answer(dataset, q, access, settings.k);
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'INTERNAL';
      await this.finish(who, id, dataset, q, access, { status: 'refused', refusalCode: code, controlled: null }, requestId);
      throw err;
    }
    await this.finish(who, id, dataset, q, access, { status: 'answered', refusalCode: null, controlled: outcome }, requestId);
    return {
      id,
      datasetId: dataset.id,
      k: settings.k,
      groupBy: q.groupBy,
      measures: q.measures,
      ...outcome,
      budget: { limit: settings.dailyBudget, used: start.used + 1 },
    };
  }

  /** Everything the schema cannot say: items of the agreement, numeric sums, typed filter values. */
  private check(q: Normalized, access: SandboxAccess, items: DatasetItem[]): void {
    const byCode = new Map(items.map((i) => [i.code, i]));
    const agreed = new Set(access.items.filter((c) => byCode.has(c)));
    const outside: { path: string; item: string }[] = [];
    const named: [string, string][] = [
      ...q.groupBy.map((g, i) => [`/groupBy/${i}`, g] as [string, string]),
      ...q.measures.flatMap((m, i) => (m.item ? [[`/measures/${i}/item`, m.item] as [string, string]] : [])),
      ...q.where.map((w, i) => [`/where/${i}/item`, w.item] as [string, string]),
    ];
    for (const [path, item] of named) if (!agreed.has(item)) outside.push({ path, item });
    if (outside.length) throw SandboxErrors.itemsNotAgreed(outside);

    const problems: { path: string; message: string }[] = [];
    if (new Set(q.groupBy).size !== q.groupBy.length) problems.push({ path: '/groupBy', message: 'an item is grouped twice / 分组信息项重复' });
    q.measures.forEach((m, i) => {
      if (m.fn === 'count' && m.item) problems.push({ path: `/measures/${i}/item`, message: 'count takes no item / 计数不需指定信息项' });
      if (m.fn !== 'count' && !m.item) problems.push({ path: `/measures/${i}/item`, message: `${m.fn} needs a numeric item / 须指定数值型信息项` });
      if (m.fn !== 'count' && m.item && !NUMERIC.has(byCode.get(m.item)!.dataType))
        problems.push({ path: `/measures/${i}/item`, message: `${m.item} is not numeric / 「${byCode.get(m.item)!.name}」不是数值型，不能${m.fn === 'sum' ? '求和' : '求平均'}` });
    });
    // The HTTP layer may hand a number over as text (type coercion): each value is read by its item's type.
    const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
    const read = (type: string, v: unknown): unknown => {
      if (NUMERIC.has(type)) {
        const n = typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v) : NaN;
        return Number.isFinite(n) && (type !== 'integer' || Number.isInteger(n)) ? n : undefined;
      }
      if (type === 'boolean') return v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
      if (type === 'date') return typeof v === 'string' && DATE.test(v) ? v : undefined;
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v : undefined;
    };
    q.where = q.where.map((w, i) => {
      const type = byCode.get(w.item)!.dataType;
      const at = `/where/${i}/value`;
      const bad = (message: string) => void problems.push({ path: at, message });
      if (w.op === 'in') {
        if (!Array.isArray(w.value)) return (bad('in needs a list / in 须为取值列表'), w);
        const vs = w.value.map((v) => read(type, v));
        if (vs.some((v) => v === undefined)) bad(`every value must be of type ${type} / 取值类型须为 ${type}`);
        return { ...w, value: vs as Condition['value'] };
      }
      if (Array.isArray(w.value)) return (bad(`${w.op} takes one value / ${w.op} 只能有一个取值`), w);
      if (w.op === 'prefix' && type !== 'string' && type !== 'date') return (void problems.push({ path: `/where/${i}/op`, message: 'prefix is for text / 前缀匹配只用于文本' }), w);
      if ((w.op === 'gte' || w.op === 'lte') && !NUMERIC.has(type) && type !== 'date')
        return (void problems.push({ path: `/where/${i}/op`, message: 'gte/lte are for numbers and dates / 范围比较只用于数值与日期' }), w);
      const v = w.op === 'prefix' ? (typeof w.value === 'string' && w.value.length > 0 ? w.value : undefined) : read(type, w.value);
      if (v === undefined) bad(`the value must be of type ${type} / 取值类型须为 ${type}`);
      return { ...w, value: v as Condition['value'] };
    });
    if (problems.length) throw SandboxErrors.invalid(problems);
  }

  /** Runs the query and the comparisons disclosure control needs, all inside the database. */
  private async answer(dataset: Dataset, q: Normalized, access: SandboxAccess, k: number): Promise<Controlled> {
    const source = need(this.ctx, 'source');
    const code = dataset.resourceCode;
    const rowRegion = access.rowRegion;
    const conditions = (ws: Condition[]): SourceCondition[] => ws.map((w) => ({ item: w.item, op: w.op, value: w.value }));
    const aggregate = async (a: AggregateQuery): Promise<AggregateGroup[]> =>
      (await source.aggregate(code, a)).map((g) => ({ key: g.key, count: Number(g.count), values: g.values.map((v) => (v === null || v === undefined ? null : Number(v))) }));

    // Rule 4: how many distinct values an item has in the scope, against rows / k.
    const nearUnique = new Map<string, boolean>();
    const isNearUnique = async (item: string) => {
      if (!nearUnique.has(item)) {
        let answer = true;
        try {
          const groups = await aggregate({ groupBy: [item], measures: [], where: [], rowRegion });
          const total = groups.reduce((s, g) => s + g.count, 0);
          answer = groups.length > total / k;
        } catch (err) {
          // Too many distinct values for the source to group: near-unique by any measure.
          if (!tooMany(err)) throw err;
        }
        nearUnique.set(item, answer);
      }
      return nearUnique.get(item)!;
    };
    const narrow: { path: string; item: string }[] = [];
    for (const [i, w] of q.where.entries()) if ((w.op === 'eq' || w.op === 'in' || w.op === 'prefix') && (await isNearUnique(w.item))) narrow.push({ path: `/where/${i}`, item: w.item });
    if (narrow.length) throw SandboxErrors.nearUnique(narrow);

    let main: AggregateGroup[];
    try {
      main = await aggregate({ groupBy: q.groupBy, measures: q.measures, where: conditions(q.where), rowRegion });
    } catch (err) {
      if (tooMany(err)) throw SandboxErrors.tooManyGroups();
      throw err;
    }
    // Rule 2: the same groups without each filter in turn (counts only).
    const without: AggregateGroup[][] = [];
    for (let i = 0; i < q.where.length; i++) without.push(await aggregate({ groupBy: q.groupBy, measures: [], where: conditions(q.where.filter((_, j) => j !== i)), rowRegion }));
    let keysShown = true;
    for (const g of q.groupBy) if (await isNearUnique(g)) keysShown = false;
    const out = control(q.groupBy, main, without, k, keysShown);
    if (out.groups.length > MAX_GROUPS) throw SandboxErrors.tooManyGroups();
    return out;
  }

  /**
   * Counts the query against the day's budget and logs it as running, under a lock per account so
   * two queries at once both count. Over budget, the refusal is logged (not counted) instead.
   */
  private async begin(who: Principal, dataset: Dataset, q: Normalized, settings: SandboxSettings, requestId?: string): Promise<{ id: string; used: number; refused: boolean }> {
    const id = uuidv7();
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`opendata.sandbox:${who.accountId}`}))`.execute(trx);
      const used = await this.usedToday(who.accountId, trx);
      const refused = used >= settings.dailyBudget;
      await sandboxDb(trx)
        .insertInto('opendata_sandbox_query')
        .values({
          id,
          region_code: dataset.regionCode,
          dataset_id: dataset.id,
          dataset_name: dataset.name,
          department_id: dataset.departmentId,
          account_id: who.accountId,
          account_name: who.name,
          application_id: null,
          query: JSON.stringify(q),
          status: refused ? 'refused' : 'running',
          refusal_code: refused ? 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED' : null,
          k: settings.k,
          created_at: now,
          finished_at: refused ? now : null,
        })
        .execute();
      if (refused) await this.audit(trx, who, id, dataset, q, { status: 'refused', refusalCode: 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED', controlled: null }, requestId);
      return { id, used, refused };
    });
  }

  private async finish(who: Principal, id: string, dataset: Dataset, q: Normalized, access: SandboxAccess | null, f: Finish, requestId?: string): Promise<void> {
    await this.k.db.transaction().execute(async (trx) => {
      await sandboxDb(trx)
        .updateTable('opendata_sandbox_query')
        .set({
          status: f.status,
          refusal_code: f.refusalCode,
          application_id: access?.applicationId ?? null,
          groups_returned: f.controlled ? f.controlled.groups.filter((g) => !g.suppressed).length : 0,
          groups_suppressed: f.controlled?.suppressedGroups ?? 0,
          result: f.controlled ? JSON.stringify(f.controlled) : null,
          finished_at: this.k.clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit(trx, who, id, dataset, q, f, requestId);
    });
  }

  private async audit(trx: Tx, who: Principal, id: string, dataset: Dataset, q: Normalized, f: Finish, requestId?: string): Promise<void> {
    const groupsReturned = f.controlled ? f.controlled.groups.filter((g) => !g.suppressed).length : 0;
    const groupsSuppressed = f.controlled?.suppressedGroups ?? 0;
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: f.status === 'answered' ? 'queried' : 'refused',
      objectType: 'opendata.sandbox.query',
      objectId: id,
      regionCode: dataset.regionCode,
      change: { dataset: dataset.name, query: q, status: f.status, refusalCode: f.refusalCode, groupsReturned, groupsSuppressed },
      event: {
        topic: SANDBOX_QUERIED,
        payload: { id, datasetId: dataset.id, departmentId: dataset.departmentId, status: f.status, refusalCode: f.refusalCode, groupsReturned, groupsSuppressed },
      },
      requestId,
    });
  }

  /** Queries counted against today's budget: all but the budget refusals themselves. */
  private async usedToday(accountId: string, ex: Tx | null = null): Promise<number> {
    const { n } = await sandboxDb(ex ?? this.k.db)
      .selectFrom('opendata_sandbox_query')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .where('created_at', '>=', cstDayStart(this.k.clock.now()))
      .where((eb) => eb.or([eb('refusal_code', 'is', null), eb('refusal_code', '<>', 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED')]))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /* ------------------------------------------------------------------ the log */

  /** The user's own queries, newest first. */
  async history(who: Principal, q: HistoryQuery): Promise<LogPageView> {
    const datasetId = q.dataset ? (await this.dataset(q.dataset)).id : null;
    return this.page({ own: who.accountId, datasetId }, q.after, q.limit);
  }

  /**
   * The provider's log: the 数据专员 (opendata.provide) of the dataset's department, or the data
   * bureau (opendata.manage) of the region. Without a dataset: every dataset the caller may see.
   */
  async log(who: Principal, q: LogQuery): Promise<LogPageView> {
    const policy = this.ctx.policy;
    const region = who.regionCode || this.k.config.regionCode;
    if (q.dataset) {
      const d = await this.dataset(q.dataset);
      const scope = { regionCode: d.regionCode, departmentId: d.departmentId };
      if (!policy.can(who, 'opendata.manage', { regionCode: d.regionCode }) && !policy.can(who, 'opendata.provide', scope)) throw Errors.forbidden();
      return this.page({ datasetId: d.id, status: q.status, accountId: q.account }, q.after, q.limit);
    }
    if (policy.can(who, 'opendata.manage', { regionCode: region })) return this.page({ region, status: q.status, accountId: q.account }, q.after, q.limit);
    if (who.departmentId && policy.can(who, 'opendata.provide', { regionCode: region, departmentId: who.departmentId }))
      return this.page({ region, departmentId: who.departmentId, status: q.status, accountId: q.account }, q.after, q.limit);
    throw Errors.forbidden();
  }

  private async page(
    f: { own?: string; accountId?: string; datasetId?: string | null; region?: string; departmentId?: string; status?: 'answered' | 'refused' },
    after: string | undefined,
    limit = 20,
  ): Promise<LogPageView> {
    const db = sandboxDb(this.k.db);
    let base = db.selectFrom('opendata_sandbox_query');
    if (f.own) base = base.where('account_id', '=', f.own);
    // The provider's filter by who asked: an account id or the name shown in the log.
    if (f.accountId) base = base.where((eb) => eb.or([eb('account_id', '=', f.accountId!), eb('account_name', '=', f.accountId!)]));
    if (f.datasetId) base = base.where('dataset_id', '=', f.datasetId);
    if (f.region) base = base.where('region_code', 'like', `${f.region}%`);
    if (f.departmentId) base = base.where('department_id', '=', f.departmentId);
    let rowsQ = base;
    if (f.status) rowsQ = rowsQ.where('status', '=', f.status);
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      const [at, id] = cursor;
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) throw Errors.validation([{ path: '/after', message: 'invalid cursor / 无效的分页游标' }]);
      rowsQ = rowsQ.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await rowsQ
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
    const since = new Date(cstDayStart(this.k.clock.now()).getTime() - 29 * DAY_MS);
    const daily = await base
      .select([
        sql<string>`to_char((created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`.as('day'),
        sql<string>`count(*) FILTER (WHERE status = 'answered')`.as('answered'),
        sql<string>`count(*) FILTER (WHERE status = 'refused')`.as('refused'),
      ])
      .where('created_at', '>=', since)
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    const perDay = daily.map((d) => ({ day: d.day, answered: Number(d.answered), refused: Number(d.refused) }));
    return {
      items: pg.items.map((r) => {
        const query = (typeof r.query === 'string' ? JSON.parse(r.query) : r.query) as Normalized;
        const result = (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as Controlled | null;
        return {
          id: r.id,
          at: r.created_at.toISOString(),
          datasetId: r.dataset_id,
          datasetName: r.dataset_name,
          accountId: r.account_id,
          accountName: r.account_name,
          applicationId: r.application_id,
          query,
          status: r.status,
          refusalCode: r.refusal_code,
          k: r.k,
          groupsReturned: r.groups_returned,
          groupsSuppressed: r.groups_suppressed,
          result,
        };
      }),
      next: pg.next,
      perDay,
    };
  }

  /** A published dataset by id or name. */
  private async dataset(ref: string): Promise<Dataset> {
    const catalogue = need(this.ctx, 'catalogue');
    const d = UUID.test(ref) ? await catalogue.byId(ref) : /^[a-z0-9][a-z0-9_-]{0,99}$/.test(ref) ? await catalogue.byName(ref) : null;
    if (!d || d.state !== 'published') throw SandboxErrors.unknownDataset();
    return d;
  }
}
