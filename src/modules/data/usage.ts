import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { dataDb } from './tables.ts';

/**
 * 数据使用可追溯: the gateway's usage records, for the providing department (its own resources) and
 * the data bureau (all), and the sharing figures.
 */
export class DataUsage {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  private async visibleResources(who: Principal): Promise<string[] | null> {
    if (this.policy.can(who, 'data.bureau', { regionCode: who.regionCode })) return null;
    assertAllowed(this.policy, who, 'data.decide', { regionCode: who.regionCode, departmentId: who.departmentId });
    return (await dataDb(this.k.db).selectFrom('data_resource').select('id').where('provider_department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000').execute()).map((r) => r.id);
  }

  async list(who: Principal, q: { resource?: string; limit?: number }) {
    const ids = await this.visibleResources(who);
    let query = dataDb(this.k.db).selectFrom('data_usage as u').innerJoin('data_resource as r', 'r.id', 'u.resource_id').select(['u.id', 'u.at', 'u.client_id', 'u.operation', 'u.purpose', 'u.items', 'u.row_count', 'u.outcome', 'r.code', 'r.name']);
    if (ids) query = ids.length ? query.where('u.resource_id', 'in', ids) : query.where('u.resource_id', 'is', null);
    if (q.resource) query = query.where('r.code', '=', q.resource);
    const rows = await query.orderBy('u.at', 'desc').orderBy('u.id', 'desc').limit(q.limit ?? 200).execute();
    return rows.map((u) => ({ id: u.id, at: new Date(u.at).toISOString(), clientId: u.client_id, operation: u.operation, purpose: u.purpose, items: u.items, rows: u.row_count, outcome: u.outcome, resourceCode: u.code, resourceName: u.name }));
  }

  /** The same records as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese). */
  async csv(who: Principal, q: { resource?: string }): Promise<string> {
    const rows = await this.list(who, { ...q, limit: 10_000 });
    const esc = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
    const head = ['时间 time', '资源 resource', '调用方 client', '操作 operation', '用途 purpose', '数据项 items', '行数 rows', '结果 outcome'];
    return '\ufeff' + [head.map(esc).join(','), ...rows.map((r) => [r.at, `${r.resourceCode} ${r.resourceName}`, r.clientId, r.operation, r.purpose, r.items.join(' '), r.rows, r.outcome].map(esc).join(','))].join('\r\n') + '\r\n';
  }

  /** 按需共享率, catalogue coverage, calls per resource, requests overdue. */
  async figures(who: Principal) {
    assertAllowed(this.policy, who, 'data.stats', { regionCode: who.regionCode });
    const region = `${who.regionCode || this.k.config.regionCode}%`;
    const states = await dataDb(this.k.db).selectFrom('data_request').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).where('region_code', 'like', region).groupBy('state').execute();
    const n = (s: string) => Number(states.find((x) => x.state === s)?.n ?? 0);
    const decided = n('approved') + n('refused');
    const duty = await dataDb(this.k.db).selectFrom('data_list_entry').select([(eb) => eb.fn.countAll<string>().as('all'), (eb) => eb.fn.count<string>('resource_id').as('covered')]).where('list', '=', 'duty').executeTakeFirstOrThrow();
    const calls = await dataDb(this.k.db).selectFrom('data_usage as u').innerJoin('data_resource as r', 'r.id', 'u.resource_id').select(['r.code', 'r.name', (eb) => eb.fn.countAll<string>().as('calls'), (eb) => eb.fn.sum<string>('u.row_count').as('rows')]).where('u.region_code', 'like', region).groupBy(['r.code', 'r.name']).orderBy('calls', 'desc').execute();
    const overdue = await dataDb(this.k.db).selectFrom('data_request').select((eb) => eb.fn.countAll<string>().as('n')).where('state', 'in', ['submitted', 'bureau_review']).where('due_at', '<', this.k.clock.now()).executeTakeFirstOrThrow();
    const objections = await dataDb(this.k.db).selectFrom('data_objection').select(['state', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.countAll<string>().filterWhere('due_at', '<', this.k.clock.now()).as('late')]).where('region_code', 'like', region).groupBy('state').execute();
    return {
      asOf: cstDate(this.k.clock.now()),
      requests: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
      // Approved demands over all demands that were decided (refusals count against it).
      onDemandRate: decided ? n('approved') / decided : null,
      catalogueCoverage: Number(duty.all) ? Number(duty.covered) / Number(duty.all) : null,
      callsByResource: calls.map((c) => ({ code: c.code, name: c.name, calls: Number(c.calls), rows: Number(c.rows ?? 0) })),
      overdueRequests: Number(overdue.n),
      objections: Object.fromEntries(objections.map((o) => [o.state, Number(o.n)])),
      overdueObjections: Number(objections.find((o) => o.state === 'open')?.late ?? 0),
    };
  }
}
