import { sql } from 'kysely';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Categories } from './categories.ts';
import { casesDb } from './tables.ts';

export interface Period {
  from: Date;
  to: Date;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * 分析研判: per unit and per street — response, on-time completion, resolution and satisfaction
 * rates, returns and overdue; hot and rising categories by week; where cases cluster (heat map and
 * high-frequency addresses); and how well the classifier guesses. All set-based SQL over the case
 * rows, so figures and inboxes never disagree.
 */
export class CaseStats {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
    private readonly grids: Grids,
    private readonly categories: Categories,
  ) {}

  private allow(who: Principal) {
    assertAllowed(this.policy, who, 'cases.stats', { regionCode: this.k.config.regionCode });
  }

  period(from?: string, to?: string): Period {
    const now = this.k.clock.now();
    const t = to ? new Date(to) : now;
    const f = from ? new Date(from) : new Date(t.getTime() - 90 * 86_400_000);
    if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime()) || f >= t || t.getTime() - f.getTime() > 800 * 86_400_000)
      throw Errors.validation([{ path: '/from', message: 'from must be before to, at most 800 days apart / 起止日期须有效且不超过800天' }]);
    return { from: f, to: t };
  }

  /** Rates per handling unit (`by=unit`) or per street (`by=street`). */
  async performance(who: Principal, by: 'unit' | 'street', p: Period) {
    this.allow(who);
    const key = by === 'unit' ? sql.ref('handling_department_id') : sql.ref('street_code');
    const now = this.k.clock.now();
    const rows = await sql<Record<string, string | number | null>>`
      SELECT ${key}::text AS key,
        count(*)::int AS cases,
        count(*) FILTER (WHERE dispatched_at IS NOT NULL)::int AS dispatched,
        count(*) FILTER (WHERE accepted_at IS NOT NULL AND accepted_at <= response_due_at)::int AS responded,
        count(*) FILTER (WHERE replied_at IS NOT NULL OR state = 'closed')::int AS completed,
        count(*) FILTER (WHERE (replied_at IS NOT NULL AND replied_at <= due_at) OR (replied_at IS NULL AND state = 'closed' AND closed_at <= due_at))::int AS on_time,
        count(*) FILTER (WHERE solved IS NOT NULL)::int AS visited,
        count(*) FILTER (WHERE solved)::int AS solved,
        count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS rated,
        count(*) FILTER (WHERE satisfaction >= 4)::int AS satisfied,
        coalesce(sum(returns), 0)::int AS returns,
        count(*) FILTER (WHERE overdue OR (open AND due_at < ${now}))::int AS overdue
      FROM cases_case
      WHERE region_code = ${this.k.config.regionCode} AND created_at >= ${p.from} AND created_at <= ${p.to} AND ${key} IS NOT NULL AND duplicate_of IS NULL
      GROUP BY 1 ORDER BY 2 DESC`.execute(this.k.db);
    const names =
      by === 'unit'
        ? new Map([...(await this.org.departmentNames(rows.rows.map((r) => String(r.key)))).entries()].map(([id, d]) => [id, d.name]))
        : new Map([...(await this.grids.streetOffices()).entries()].map(([code, s]) => [code, s.name]));
    return rows.rows.map((r) => {
      const n = (k: string) => Number(r[k]);
      return {
        key: String(r.key),
        name: names.get(String(r.key)) ?? String(r.key),
        cases: n('cases'),
        dispatched: n('dispatched'),
        responseRate: ratio(n('responded'), n('dispatched')),
        onTimeRate: ratio(n('on_time'), n('completed')),
        resolutionRate: ratio(n('solved'), n('visited')),
        satisfactionRate: ratio(n('satisfied'), n('rated')),
        returns: n('returns'),
        overdue: n('overdue'),
      };
    });
  }

  /** Cases per category per week (CST), and the categories rising fastest in the last week. */
  async topics(who: Principal, weeks: number) {
    this.allow(who);
    const since = new Date(this.k.clock.now().getTime() - weeks * 7 * 86_400_000);
    const rows = await sql<{ week: string; category_code: string; n: number }>`
      SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week, category_code, count(*)::int AS n
      FROM cases_case WHERE region_code = ${this.k.config.regionCode} AND created_at >= ${since} AND category_code IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 3 DESC`.execute(this.k.db);
    const cats = new Map((await this.categories.list()).map((c) => [c.code, c]));
    const weekList = [...new Set(rows.rows.map((r) => r.week))].sort();
    const last = weekList[weekList.length - 1];
    const prev = weekList[weekList.length - 2];
    const count = (w: string | undefined, c: string) => rows.rows.find((r) => r.week === w && r.category_code === c)?.n ?? 0;
    const codes = [...new Set(rows.rows.map((r) => r.category_code))];
    const totals = codes.map((c) => ({ code: c, n: rows.rows.filter((r) => r.category_code === c).reduce((s, r) => s + Number(r.n), 0) })).sort((a, b) => b.n - a.n);
    const label = (c: string) => ({ categoryCode: c, name: cats.get(c)?.name ?? c, nameEn: cats.get(c)?.nameEn ?? null });
    return {
      weeks: weekList,
      hot: totals.slice(0, 10).map((t) => ({ ...label(t.code), total: t.n, perWeek: weekList.map((w) => count(w, t.code)) })),
      rising: codes
        .map((c) => ({ ...label(c), lastWeek: count(last, c), weekBefore: count(prev, c) }))
        .filter((r) => r.lastWeek >= 3 && r.lastWeek > r.weekBefore)
        .map((r) => ({ ...r, growth: r.weekBefore ? Math.round(((r.lastWeek - r.weekBefore) / r.weekBefore) * 1000) / 1000 : null }))
        .sort((a, b) => (b.growth ?? 99) - (a.growth ?? 99) || b.lastWeek - a.lastWeek)
        .slice(0, 10),
    };
  }

  /** Where cases cluster: points rounded to ~100 m with counts, and the addresses heard most. */
  async places(who: Principal, p: Period) {
    this.allow(who);
    const region = this.k.config.regionCode;
    const heat = await sql<{ lat: number; lon: number; n: number }>`
      SELECT round(lat::numeric, 3)::float8 AS lat, round(lon::numeric, 3)::float8 AS lon, count(*)::int AS n
      FROM cases_case WHERE region_code = ${region} AND created_at >= ${p.from} AND created_at <= ${p.to} AND lat IS NOT NULL
      GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 2000`.execute(this.k.db);
    const addresses = await sql<{ address: string; n: number; open: number }>`
      SELECT address, count(*)::int AS n, count(*) FILTER (WHERE open)::int AS open
      FROM cases_case WHERE region_code = ${region} AND created_at >= ${p.from} AND created_at <= ${p.to} AND address IS NOT NULL
      GROUP BY 1 HAVING count(*) >= 2 ORDER BY 2 DESC LIMIT 20`.execute(this.k.db);
    return {
      heat: heat.rows.map((r) => [Number(r.lat), Number(r.lon), Number(r.n)] as [number, number, number]),
      addresses: addresses.rows.map((r) => ({ address: r.address, cases: Number(r.n), open: Number(r.open) })),
    };
  }

  /**
   * How well the first suggestion matched (分得更准, measured honestly): on closed cases whose first
   * suggestion was recorded at intake, the first suggested department — and any of the top 3 —
   * against the unit that finally handled the case after 退单, 改派 or 下派; the share sent to
   * 需人工判断; and the live rate of dispatchers taking the first suggestion as it was.
   */
  async classifierAccuracy(who: Principal, p: Period) {
    this.allow(who);
    const region = this.k.config.regionCode;
    const r = await sql<{ n: number; top1: number; top3: number; manual: number; auto_right: number }>`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE first_suggestion->>'departmentId' = handling_department_id::text)::int AS top1,
        count(*) FILTER (WHERE first_suggestion->'top3' @> to_jsonb(handling_department_id::text))::int AS top3,
        count(*) FILTER (WHERE (first_suggestion->>'manual')::boolean)::int AS manual,
        count(*) FILTER (WHERE NOT (first_suggestion->>'manual')::boolean AND first_suggestion->>'departmentId' = handling_department_id::text)::int AS auto_right
      FROM cases_case
      WHERE region_code = ${region} AND first_suggestion IS NOT NULL AND NOT open AND closed_at IS NOT NULL
        AND handling_department_id IS NOT NULL AND duplicate_of IS NULL AND created_at >= ${p.from} AND created_at <= ${p.to}`.execute(this.k.db);
    const live = await casesDb(this.k.db)
      .selectFrom('cases_case')
      .select([sql<number>`count(*) FILTER (WHERE took_first)::int`.as('took'), sql<number>`count(*)::int`.as('n')])
      .where('took_first', 'is not', null)
      .where('region_code', '=', region)
      .where('created_at', '>=', p.from)
      .where('created_at', '<=', p.to)
      .executeTakeFirstOrThrow();
    const x = r.rows[0];
    const n = Number(x.n);
    const automatic = n - Number(x.manual);
    return {
      recorded: n,
      top1: ratio(Number(x.top1), n),
      top3: ratio(Number(x.top3), n),
      manualShare: ratio(Number(x.manual), n),
      automatic,
      automaticTop1: ratio(Number(x.auto_right), automatic),
      dispatched: Number(live.n),
      tookFirstRate: ratio(Number(live.took), Number(live.n)),
    };
  }
}
