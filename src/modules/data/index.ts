import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import { DepartmentNames, type OrgService } from '../org/index.ts';
import { DataCatalogue } from './catalogue.ts';
import { DataGateway } from './gateway.ts';
import { DataLists } from './lists.ts';
import { DataObjections } from './objections.ts';
import { DataQuality } from './quality.ts';
import { QualityRuns } from './quality-runs.ts';
import { dataMigrations } from './migrations/index.ts';
import { SharingRequests } from './requests.ts';
import { dataRoutes } from './routes.ts';
import { DataUsage } from './usage.ts';
import { UsageLog } from './usage-log.ts';
import { GrantRate } from './grant-rate.ts';
import { dataDb } from './tables.ts';

export { dataMigrations } from './migrations/index.ts';
export { loadSyntheticBase } from './base/load.ts';
export { baseResources } from './base/resources.ts';
export type { ResourceInput } from './schema.ts';

/** 数据共享: catalogue, base databases, sharing requests, the gateway and its usage records. */
export function createDataModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule) {
  const names = new DepartmentNames(org);
  const catalogue = new DataCatalogue(k, policy, names);
  const rate = new GrantRate(k);
  const gateway = new DataGateway(k, catalogue, new UsageLog(k), rate);
  const requests = new SharingRequests(k, policy, catalogue, identity.clients, (clientId) => gateway.forget(clientId));
  const usage = new DataUsage(k, policy);
  const quality = new DataQuality(k, catalogue);
  const objections = new DataObjections(k, policy, catalogue);
  const lists = new DataLists(k, policy, catalogue);
  const qualityRuns = new QualityRuns(k, policy, catalogue, quality);
  // 归集-治理: every table resource is checked once a day, through the same queue as a check asked
  // for by hand (a resource with a check already open is left to it).
  k.jobs.registerTimer('data.quality', 86_400_000, async (_job, trx) => {
    const resources = await dataDb(trx).selectFrom('data_resource').select(['id', 'code', 'region_code as regionCode']).where('backing', '=', 'table').where('active', '=', true).execute();
    for (const r of resources) await qualityRuns.queue(trx, r, { id: 'system', type: 'system', regionCode: r.regionCode });
  });
  // Per-minute call counts are only needed for the current minute; an hour's are kept for operators.
  k.jobs.registerTimer('data.rate-prune', 3_600_000, async (_job, trx) => {
    await dataDb(trx).deleteFrom('data_grant_minute').where('minute', '<', new Date(k.clock.now().getTime() - 3_600_000)).execute();
  });
  // The e-licence catalogue index follows the licences module's events (one source: the licence register).
  k.events.subscribe('licenses.licence.issued', async (e, trx) => {
    const p = e.payload;
    if (!p.identifier) return;
    await dataDb(trx)
      .insertInto('data_licence_index')
      .values({ id: String(p.id), region_code: String(e.regionCode ?? k.config.regionCode), identifier: String(p.identifier), licence_type: String(p.typeKey ?? ''), licence_name: String(p.name ?? ''), issuer_name: String(p.issuerName ?? ''), status: 'valid', updated_at: k.clock.now() })
      .onConflict((oc) => oc.column('identifier').doNothing())
      .execute();
  });
  k.events.subscribe('licenses.licence.ended', async (e, trx) => {
    await dataDb(trx).updateTable('data_licence_index').set({ status: String(e.payload.status), updated_at: k.clock.now() }).where('identifier', '=', String(e.payload.identifier)).execute();
  });
  return { catalogue, gateway, rate, requests, usage, quality, qualityRuns, objections, lists, migrations: dataMigrations, routes: dataRoutes({ catalogue, gateway, requests, usage, quality, qualityRuns, objections, lists }) };
}
export type DataModule = ReturnType<typeof createDataModule>;
