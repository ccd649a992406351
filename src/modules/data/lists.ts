import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { DataCatalogue } from './catalogue.ts';
import { dataDb } from './tables.ts';

export type ListKind = 'duty' | 'demand' | 'negative';

/**
 * The three lists around the catalogue: 责任清单 (what each department must provide), 需求清单 (what
 * departments asked for) and 负面清单 (what may not be shared, and why).
 */
export class DataLists {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: DataCatalogue,
  ) {}

  async list(kind: ListKind) {
    const rows = await dataDb(this.k.db).selectFrom('data_list_entry as e').leftJoin('data_resource as r', 'r.id', 'e.resource_id').select(['e.id', 'e.department_id', 'e.title', 'e.detail', 'e.basis', 'e.status', 'e.created_at', 'r.code', 'r.name']).where('e.list', '=', kind).orderBy('e.created_at', 'desc').limit(500).execute();
    return rows.map((e) => ({ id: e.id, departmentId: e.department_id, title: e.title, detail: e.detail, basis: e.basis, status: e.status, resourceCode: e.code, resourceName: e.name, createdAt: new Date(e.created_at).toISOString() }));
  }

  async add(who: Principal, input: { list: ListKind; departmentId: string; resourceCode?: string; title: string; detail?: string; basis?: string }, requestId?: string) {
    // Demands come from any department that may ask for data; duties and refusals from the data bureau.
    if (input.list === 'demand') assertAllowed(this.policy, who, 'data.request', { regionCode: who.regionCode, departmentId: input.departmentId });
    else assertAllowed(this.policy, who, 'data.catalogue', { regionCode: who.regionCode });
    const r = input.resourceCode ? await this.catalogue.get(input.resourceCode) : null;
    const id = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await dataDb(trx).insertInto('data_list_entry').values({ id, list: input.list, department_id: input.departmentId, resource_id: r?.id ?? null, title: input.title, detail: input.detail ?? '', basis: input.basis ?? null, status: 'open', created_at: this.k.clock.now() }).execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: `${input.list}-listed`, objectType: 'data.list', objectId: id, regionCode: who.regionCode || this.k.config.regionCode, change: { list: input.list, title: input.title, resource: r?.code ?? null }, requestId });
    });
    return { id };
  }
}
