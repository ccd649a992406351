import type { Migration } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
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
import { dataEvents } from './events.ts';
import { LicenceIndex } from './licence-index.ts';
import { Population } from './population.ts';
import { FactSource } from './facts/source.ts';
import { Registers } from './facts/registers.ts';
import { registerRoutes } from './register-routes.ts';
import { dataDb } from './tables.ts';
import { EntityPages } from './entity-pages.ts';
import { dataScreenFigures, type DataScreenFigures } from './screen-figures.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { OpenData } from './open.ts';
import { DataRecords } from './records.ts';

export { dataMigrations } from './migrations/index.ts';
export { loadSyntheticBase } from './base/load.ts';
export { baseResources } from './base/resources.ts';
export type { ResourceInput } from './schema.ts';
export type { IndexedLicence } from './licence-index.ts';
export { populationRow } from './population.ts';
export type { Matched, SubjectRef } from './facts/source.ts';
export { DISABILITY_CATEGORIES } from './facts/registers.ts';
export { BaseProfiles, type PersonProfile, type EntityProfile } from './profiles.ts';
export type { BaseEntityRow } from './entity-pages.ts';
export * from './events.ts';
export type { DataScreenFigures } from './screen-figures.ts';
export type { OpenResource, OpenItem, OpenAggregateQuery, OpenAggregateGroup, OpenGrantInput } from './open.ts';
export type { RecordInput, LoadResult } from './records.ts';

/** 数据共享 (the data backbone): what the platform, flows, seeds and tests may use of the data module. */
export interface DataModule {
  catalogue: Pick<DataCatalogue, 'register' | 'get' | 'search'>;
  gateway: Pick<DataGateway, 'lookup' | 'forget'>;
  rate: Pick<GrantRate, 'sync'>;
  requests: Pick<SharingRequests, 'create' | 'decide' | 'credentials'>;
  quality: Pick<DataQuality, 'run' | 'issues'>;
  /** 一数一源: the population base, the one source of population facts (docs/population.md). */
  population: Pick<Population, 'byIdNumber'>;
  /** The e-licence catalogue index, fed from the licence register by a flow. */
  licenceIndex: Pick<LicenceIndex, 'issued' | 'ended'>;
  /** Facts over the base data for the rules engine: whole-population matching in SQL, one subject's values. */
  facts: Pick<FactSource, 'catalog' | 'match' | 'valuesOf' | 'page' | 'count'>;
  /** Registers other departments keep in the base data (deaths, disabilities, assistance, employer insurance). */
  registers: Pick<Registers, 'recordDeath' | 'setDisability' | 'setAssistance' | 'setEmployerInsurance'>;
  /** The legal-entity base page by page with the public credit register joined (read-only, no ID numbers). */
  entities: Pick<EntityPages, 'page' | 'one'>;
  /** Records (记录存储): rows of resources backed by `records`, loaded and checked against their items. */
  records: Pick<DataRecords, 'load' | 'loadCsv'>;
  /** 公共数据开放's view: open and conditional resources, their rows (L3/L4 masked), aggregates, grants for approved applications. */
  open: Pick<OpenData, 'resources' | 'resource' | 'rows' | 'count' | 'aggregate' | 'issueGrant' | 'revokeGrant' | 'grantUsage'>;
  /** The command screen's sharing figures: gateway calls today and per day (read-only). */
  screenFigures(who: Principal, days: number): Promise<DataScreenFigures>;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/** 数据共享: catalogue, base databases, sharing requests, the gateway and its usage records. */
export function createDataModule(k: Kernel, policy: Policy, org: OrgService, identity: Pick<IdentityModule, 'clients'>): DataModule {
  k.events.declareAll(dataEvents);
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
  const registers = new Registers(k);
  const records = new DataRecords(k, policy, catalogue);
  const open = new OpenData(k, catalogue, identity.clients, (clientId) => gateway.forget(clientId));
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
  return {
    catalogue,
    gateway,
    rate,
    requests,
    quality,
    population: new Population(k),
    licenceIndex: new LicenceIndex(k),
    facts: new FactSource(k),
    registers,
    records,
    open,
    entities: new EntityPages(k),
    screenFigures: (who, days) => dataScreenFigures(k, policy, who, days),
    migrations: dataMigrations,
    routes: async (app) => {
      await dataRoutes({ catalogue, gateway, requests, usage, quality, qualityRuns, objections, lists, records })(app);
      await registerRoutes(registers)(app);
    },
  };
}
