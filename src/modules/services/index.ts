import type { Executor } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { Migration } from '../../kernel/db/index.ts';
import type { IdentityService } from '../identity/index.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import { Applications } from './applications.ts';
import { Catalogue } from './catalogue.ts';
import { CatalogueSearch } from './search.ts';
import { CatalogueImport } from './catalogue-import.ts';
import { catalogueImportRoutes } from './catalogue-import-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { serviceEditorRoutes } from './editor-routes.ts';
import { DepartmentNames } from '../org/index.ts';
import { Evaluations } from './evaluations.ts';
import { servicesMigrations } from './migrations/index.ts';
import { notifyApplicants } from './notices.ts';
import { PopularItems, popularRoutes } from './popular.ts';
import { servicesRoutes } from './routes.ts';
import { ServiceStats } from './stats.ts';
import { serviceScreenFigures, type ServiceScreenFigures } from './screen-figures.ts';
import { ApplicationViews } from './views.ts';
import { servicesEvents } from './events.ts';
import type { LicenceReferences } from './licence-refs.ts';
import type { BaseData } from './known-facts.ts';
import type { DecisionSealer } from './decision-port.ts';
import { servicesDb } from './tables.ts';
import { InstantApproval, type InstantFacts } from './instant.ts';
import { instantRoutes } from './instant-routes.ts';
import { BundleCatalogue } from './bundles.ts';
import { BundleApplications } from './bundle-applications.ts';
import { bundleRoutes } from './bundle-routes.ts';

import { applicationArchiveFacts, type ApplicationArchiveFacts } from './archive-facts.ts';
import { licensingItemsOf, type LicensingItemFacts } from './licensing-items.ts';
export { servicesMigrations } from './migrations/index.ts';
export { PROMISED_WORKFLOW, INSTANT_WORKFLOW, INSTANT_APPROVAL_WORKFLOW } from './default-workflows.ts';
export type { ItemContent, ItemInput, ApplicationInput, ActionBody } from './schema.ts';
/** The item schema as the server checks it (the seed's catalogue test holds the demo items to it). */
export { ItemContent as ItemContentSchema } from './schema.ts';
export { ENTERPRISE_EVENTS, ITEM_TYPES, LIFE_EVENTS, codesOf } from './catalogue-codes.ts';
export type { LicenceReferences, CitedLicence } from './licence-refs.ts';
export type { BaseData, BaseRecord } from './known-facts.ts';
export type { DecisionFacts, DecisionKind, DecisionSealer } from './decision-port.ts';
export { reportText as importReportText, type ImportReport } from './catalogue-import.ts';
export * from './events.ts';
export type { ApplicationArchiveFacts, ArchiveLogStep } from './archive-facts.ts';
export type { ServiceScreenFigures } from './screen-figures.ts';
export type { LicensingItemFacts } from './licensing-items.ts';
export type { InstantFacts, InstantExplanation } from './instant.ts';
export type { BundleInput } from './bundle-schema.ts';
export { mergeForms, orderProblems } from './bundle-forms.ts';

/** What an approved application says, for flows that act on its completion (办结即发证). */
export interface CompletedApplication {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  departmentId: string;
  applicantAccountId: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** 告知承诺制: approved on the applicant's written commitment, to be verified afterwards. */
  commitment: boolean;
  handledBy: string | null;
  form: Record<string, unknown>;
}

/** 政务服务 (一网通办): what the platform, flows and other modules may use of the services module. */
export interface ServicesModule {
  catalogue: Pick<Catalogue, 'create' | 'createMany' | 'get' | 'list'>;
  /** 智能导办: the relevance model behind the catalogue search, for benches and other fronts. */
  search: Pick<CatalogueSearch, 'rank' | 'flush'>;
  /** Loads a bureau's implementation list from XLSX or CSV (dry run or apply). */
  catalogueImport: Pick<CatalogueImport, 'run'>;
  applications: Pick<Applications, 'submit' | 'act'>;
  evaluations: Pick<Evaluations, 'rate'>;
  /** 一件事一次办: bundle definitions (the seed loads the demo ones). */
  bundles: Pick<BundleCatalogue, 'create' | 'get' | 'list'>;
  bundleApplications: Pick<BundleApplications, 'submit' | 'view' | 'deliver'>;
  /** The facts of an approved application (null when it is not approved), read in the caller's transaction. */
  completionFacts(trx: Executor, applicationId: string): Promise<CompletedApplication | null>;
  /** The same facts of any application, whatever its state (政策找人 counts a submission as applied). */
  applicationFacts(trx: Executor, applicationId: string): Promise<CompletedApplication | null>;
  /** 电子档案: a finished application's metadata, result file and action log (read-only, for the office module's archive flow). */
  archiveFacts(ex: Executor, applicationId: string): Promise<ApplicationArchiveFacts | null>;
  /** 照单监管: the region's active 行政许可 items, by code (read-only, for the regulation module's flow). */
  licensingItems(regionCode: string): Promise<LicensingItemFacts[]>;
  /** True when the staff member may see the application and it cites this licence (免证办). */
  cites(who: Principal, applicationId: string, licenceId: string): Promise<boolean>;
  /** Plugs in who answers 免证办 questions (the licences module, wired by a flow); without it no material can be replaced by a licence. */
  useLicenceReferences(refs: LicenceReferences): void;
  /** Plugs in who answers base-data questions (the data module, wired by src/flows/fill-once.ts); without it forms are filled from identity, licences and earlier applications only. */
  useBaseData(base: BaseData): void;
  /** Plugs in who draws and seals 决定书 (the licences module, wired by a flow); without it a decision is a plain text notice. */
  useDecisionSealer(sealer: DecisionSealer): void;
  /** Plugs in the base data's facts for 秒批 rules (the data module, wired by a flow); without it a 秒批 rule may name only form fields. */
  useFacts(facts: InstantFacts): void;
  /** The command screen's 一网通办 figures: today and the last `days` days (read-only). */
  screenFigures(who: Principal, days: number): Promise<ServiceScreenFigures>;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

export function createServicesModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityService): ServicesModule {
  k.events.declareAll(servicesEvents);
  const names = new DepartmentNames(org);
  const search = new CatalogueSearch(k, policy, names);
  const catalogue = new Catalogue(k, policy, org, names, search);
  const catalogueImport = new CatalogueImport(k, policy, catalogue, org);
  const applications = new Applications(k, policy, catalogue, identity);
  const instant = new InstantApproval(k, catalogue, applications);
  catalogue.contentChecks.push((c) => instant.check(c));
  applications.afterSubmit = (id, v, applicant, form) => instant.afterSubmit(id, v, applicant, form);
  const views = new ApplicationViews(k, policy, catalogue, names, applications);
  const evaluations = new Evaluations(k, policy, applications);
  const stats = new ServiceStats(k, policy, org, evaluations);
  const bundles = new BundleCatalogue(k, policy, catalogue, names);
  const bundleApplications = new BundleApplications(k, policy, bundles, catalogue, applications, names);
  notifyApplicants(k, catalogue);
  // 超期: flag open applications past their promised deadline once, with an audit entry and event,
  // so the workbench and the figures agree and other pillars (supervision) can react.
  k.jobs.registerTimer('services.deadlines', 300_000, async (_job, trx) => {
    const late = await servicesDb(trx)
      .updateTable('services_application')
      .set({ overdue: true })
      .where('open', '=', true)
      .where('overdue', '=', false)
      .where('paused_at', 'is', null)
      .where('completed_at', 'is', null)
      .where('due_at', '<', k.clock.now())
      .returning(['id', 'number', 'region_code', 'department_id'])
      .execute();
    for (const a of late)
      await k.recordChange(trx, {
        actor: actorOf(SYSTEM_PRINCIPAL),
        action: 'overdue',
        objectType: 'services.application',
        objectId: a.id,
        regionCode: a.region_code,
        change: { overdue: true },
        summary: { number: a.number, departmentId: a.department_id },
      });
  });
  return {
    catalogue,
    search,
    catalogueImport,
    applications,
    evaluations,
    bundles,
    bundleApplications,
    completionFacts: (trx, id) => applications.completionFacts(trx, id),
    applicationFacts: (trx, id) => applications.completionFacts(trx, id, true),
    archiveFacts: (ex, id) => applicationArchiveFacts(ex, catalogue, id),
    licensingItems: (regionCode) => licensingItemsOf(k.db, regionCode),
    cites: (who, applicationId, licenceId) => applications.cites(who, applicationId, licenceId),
    useLicenceReferences: (refs) => void (applications.licenceRefs = refs),
    useBaseData: (base) => void (applications.baseData = base),
    useDecisionSealer: (sealer) => void (applications.decisions = sealer),
    useFacts: (facts) => void (instant.facts = facts),
    screenFigures: (who, days) => serviceScreenFigures(k, policy, who, days),
    migrations: servicesMigrations,
    routes: async (app) => {
      await servicesRoutes({ k, catalogue, search, applications, views, evaluations, stats })(app);
      await catalogueImportRoutes(k, catalogueImport)(app);
      await decisionRoutes(k, applications)(app);
      await popularRoutes(new PopularItems(k, names))(app);
      await serviceEditorRoutes(() => applications.licenceRefs)(app);
      await instantRoutes(instant)(app);
      await bundleRoutes(bundles, bundleApplications)(app);
    },
  };
}
