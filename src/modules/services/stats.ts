import { sql } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { assertAllowed, regionWithin, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Evaluations } from './evaluations.ts';
import { servicesDb } from './tables.ts';

export interface StatsRow {
  key: string;
  name: string;
  received: number;
  accepted: number;
  completed: number;
  overdue: number;
  onlineShare: number;
  averageWorkingDays: number | null;
  evaluations: number;
  averageScore: number | null;
}

/**
 * Figures per department or per region over a period: received, accepted, completed, overdue
 * (late completions plus open ones past their deadline), 网办率 (share submitted online), working
 * days used on average, and 好差评 scores. One set-based query each; no per-row work.
 */
export class ServiceStats {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
    private readonly evaluations: Evaluations,
  ) {}

  async byGroup(who: Principal, q: { groupBy?: 'department' | 'region'; regionCode?: string; from?: string; to?: string }): Promise<{ rows: StatsRow[]; total: StatsRow }> {
    const region = q.regionCode ?? who.regionCode;
    if (!regionWithin(region, who.regionCode)) throw Errors.forbidden();
    assertAllowed(this.policy, who, 'services.stats', { regionCode: region });
    const now = this.k.clock.now();
    const from = q.from ? new Date(`${q.from}T00:00:00+08:00`) : null;
    const to = q.to ? new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000) : null;
    if ([from, to].some((d) => d && Number.isNaN(d.getTime()))) throw Errors.validation([{ path: '/from', message: 'not a date / 日期无效' }]);
    if (from && to && from > to) throw Errors.validation([{ path: '/from', message: 'from is after to / 起始日期晚于截止日期' }]);
    const key = q.groupBy === 'region' ? sql`a.region_code` : sql`a.department_id::text`;
    const r = await sql<{
      key: string | null;
      received: number;
      accepted: number;
      completed: number;
      overdue: number;
      online: number;
      avg_days: number | null;
      evaluations: number;
      avg_score: number | null;
    }>`
      SELECT ${key} AS key,
             count(*)::int AS received,
             (count(*) FILTER (WHERE a.accepted_at IS NOT NULL))::int AS accepted,
             (count(*) FILTER (WHERE a.completed_at IS NOT NULL))::int AS completed,
             (count(*) FILTER (WHERE a.overdue OR (a.completed_at IS NULL AND a.open AND a.paused_at IS NULL AND a.due_at < ${now})))::int AS overdue,
             (count(*) FILTER (WHERE a.channel = 'online'))::int AS online,
             avg(a.working_days_used)::float8 AS avg_days,
             count(e.id)::int AS evaluations,
             avg(e.level)::float8 AS avg_score
        FROM services_application a
        LEFT JOIN services_evaluation e ON e.application_id = a.id
       WHERE a.region_code LIKE ${region + '%'}
         ${from ? sql`AND a.submitted_at >= ${from}` : sql``} ${to ? sql`AND a.submitted_at < ${to}` : sql``}
       GROUP BY ROLLUP (${key})
       ORDER BY received DESC`.execute(this.k.db);
    const names =
      q.groupBy === 'region' ? new Map<string, string>() : new Map([...(await this.org.departmentNames(r.rows.flatMap((x) => (x.key ? [x.key] : [])))).entries()].map(([id, d]) => [id, d.name]));
    if (q.groupBy === 'region') {
      for (const code of r.rows.flatMap((x) => (x.key ? [x.key] : []))) names.set(code, (await this.org.region(code).catch(() => null))?.name ?? code);
    }
    const shape = (x: (typeof r.rows)[number]): StatsRow => ({
      key: x.key ?? '',
      name: x.key ? (names.get(x.key) ?? x.key) : '合计 / Total',
      received: x.received,
      accepted: x.accepted,
      completed: x.completed,
      overdue: x.overdue,
      onlineShare: x.received ? x.online / x.received : 0,
      averageWorkingDays: x.avg_days == null ? null : Math.round(x.avg_days * 100) / 100,
      evaluations: x.evaluations,
      averageScore: x.avg_score == null ? null : Math.round(x.avg_score * 100) / 100,
    });
    const total = r.rows.find((x) => x.key === null);
    return {
      rows: r.rows.filter((x) => x.key !== null).map(shape),
      total: total ? shape(total) : shape({ key: '', received: 0, accepted: 0, completed: 0, overdue: 0, online: 0, avg_days: null, evaluations: 0, avg_score: null }),
    };
  }

  /** 好差评 figures with names: items by name, departments by name, staff by the name they act under. */
  async evaluationFigures(who: Principal, by: 'item' | 'department' | 'staff', regionCode?: string) {
    const rows = await this.evaluations.figures(who, by, regionCode);
    const keys = rows.map((r) => r.key).filter((k): k is string => !!k);
    let names = new Map<string, string>();
    if (by === 'department') names = new Map([...(await this.org.departmentNames(keys)).entries()].map(([id, d]) => [id, d.name]));
    if (by === 'item' && keys.length) names = new Map((await servicesDb(this.k.db).selectFrom('services_item').select(['id', 'name']).where('id', 'in', keys).execute()).map((r) => [r.id, r.name]));
    if (by === 'staff' && keys.length)
      names = new Map(
        (
          await servicesDb(this.k.db)
            .selectFrom('services_action')
            .select(['actor_id', sql<string>`max(actor_name)`.as('name')])
            .where('actor_id', 'in', keys)
            .groupBy('actor_id')
            .execute()
        ).map((r) => [r.actor_id, r.name]),
      );
    return rows.map((r) => ({ ...r, key: r.key ?? '', name: r.key ? (names.get(r.key) ?? r.key) : '—' }));
  }
}
