import type { Executor, Migration } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { Subject } from '../../kernel/rules/index.ts';
import { recipientsOf, subjectKeysOf, type IdentityModule } from '../identity/index.ts';
import { DepartmentNames, type OrgService } from '../org/index.ts';
import { Benefits } from './benefits.ts';
import { proactiveEvents } from './events.ts';
import { proactiveMigrations } from './migrations/index.ts';
import { Policies } from './policies.ts';
import type { FactsPort, IdentityPort } from './ports.ts';
import { proactiveRoutes } from './routes.ts';
import { Runs, type PolicySource, type RecheckPlan, type RunCounts } from './runs.ts';

export { proactiveMigrations } from './migrations/index.ts';
export type { PolicyDefinition } from './schema.ts';
export { PolicyInput } from './schema.ts';
export * from './events.ts';
export type { RunCounts, PolicySource } from './runs.ts';
export type { PolicyBrief } from './policies.ts';
export type { FactsPort } from './ports.ts';

/** 主动服务: what the platform, flows, seeds and tests may use of the proactive module. */
export interface ProactiveModule {
  policies: Pick<Policies, 'create' | 'update' | 'publish' | 'published' | 'cards' | 'briefs'>;
  runs: Pick<Runs, 'runNow' | 'runAll' | 'runByCode' | 'reachOf'>;
  /**
   * 数据变化触发: queues, in the caller's transaction (a data event's), a re-check of one subject
   * against every published policy; a job does it (reads outside a transaction, then writes).
   */
  queueRecheck(trx: Executor, subject: Subject, key: string): Promise<void>;
  /** The same re-check now, in a transaction of its own. */
  recheck(subject: Subject, key: string): Promise<{ offered: number; stopped: number }>;
  /** The item codes that published application-mode policies name (read in the caller's transaction); an application for another item changes no match. */
  applicationItems(trx: Executor): Promise<Set<string>>;
  /** 政策找人 → 办件: marks the matches of an application's item applied or granted. */
  applicationStep(trx: Executor, a: { itemCode: string; applicationId: string; applicantAccountId: string; enterpriseId: string | null; step: 'applied' | 'granted' }): Promise<number>;
  /** Plugs in where a policy's 事项 is applied for (the services module, wired by a flow): the page path for an item code. */
  useItemLinks(link: (code: string) => Promise<string | null>): void;
  /**
   * Plugs in where a policy's source document is read (the openness 政策文件库, wired by a flow): a
   * 政策找人 notice then links to it beside the application page.
   */
  /** Where an item is applied for (as plugged in by useItemLinks), or null. */
  itemLink(code: string): Promise<string | null>;
  useSourceLinks(source: ((policyCode: string) => Promise<PolicySource | null>) | null): void;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 免申即享 and 政策找人: versioned policies (rules over the data backbone's declared facts), runs over
 * the whole population on a schedule and on data changes, benefits residents confirm or decline,
 * matches that lead to an application, and the officials' view of each run and of each policy's reach.
 */
export function createProactiveModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule, data: { facts: FactsPort }): ProactiveModule {
  void identity;
  k.events.declareAll(proactiveEvents);
  const names = new DepartmentNames(org);
  const people: IdentityPort = {
    recipients: (ex, subject, keys) => recipientsOf(k, ex, subject, keys),
    keysOf: (accountId, creditCode) => subjectKeysOf(k, accountId, creditCode ? { creditCode } : null),
  };
  // Read through `data` at each call, so the port is the data module's own object whenever asked.
  const facts: FactsPort = {
    catalog: (s) => data.facts.catalog(s),
    match: (s, node, asOf, amount) => data.facts.match(s, node, asOf, amount),
    valuesOf: (s, ref, asOf) => data.facts.valuesOf(s, ref, asOf),
    page: (s, asOf, opts) => data.facts.page(s, asOf, opts),
    count: (s) => data.facts.count(s),
  };
  const policies = new Policies(k, policy, facts, names);
  const runs = new Runs(k, policy, facts, people, policies);
  const benefits = new Benefits(k, policy, facts, people, policies, runs, names);
  let itemLink: (code: string) => Promise<string | null> = async () => null;
  let sourceLink: ((policyCode: string) => Promise<PolicySource | null>) | null = null;
  runs.links = { item: (code) => itemLink(code), source: async (code) => (sourceLink ? sourceLink(code) : null) };
  // 定期比对: once a day the timer queues a run of every published policy (one node runs it). The
  // runs read the whole base, so they are long work outside the timer's transaction.
  k.jobs.registerTimer('proactive.runs', 86_400_000, async (_job, trx) => {
    await k.jobs.enqueue(trx, 'proactive.run-all', {}, { uniqueKey: 'proactive.run-all', regionCode: k.config.regionCode });
  });
  k.jobs.registerLong<RunCounts[]>('proactive.run-all', {
    work: () => runs.runAll('schedule'),
    commit: async (_job, _trx, done) => {
      k.log.info({ runs: done.length, newlyEligible: done.reduce((s, r) => s + r.newlyEligible, 0) }, 'proactive: scheduled runs done');
    },
  });
  k.jobs.registerLong<RecheckPlan>('proactive.recheck', {
    work: (job) => runs.recheckPlan((job.payload as { subject: Subject }).subject, (job.payload as { key: string }).key),
    commit: async (_job, trx, plan) => void (await runs.recheckCommit(trx, plan)),
  });
  return {
    policies,
    runs,
    queueRecheck: async (trx, subject, key) => {
      await k.jobs.enqueue(trx, 'proactive.recheck', { subject, key }, { regionCode: k.config.regionCode });
    },
    recheck: (subject, key) => runs.recheck(subject, key),
    applicationItems: (trx) => benefits.applicationItems(trx),
    applicationStep: async (trx, a) => {
      const keys = await subjectKeysOf(k, a.applicantAccountId, a.enterpriseId ? { enterpriseId: a.enterpriseId } : null, trx);
      return benefits.applicationStep(trx, { itemCode: a.itemCode, applicationId: a.applicationId, keys: [keys.person, keys.entity].filter((x): x is string => !!x), step: a.step });
    },
    useItemLinks: (link) => void (itemLink = link),
    itemLink: (code) => itemLink(code),
    useSourceLinks: (source) => void (sourceLink = source),
    migrations: proactiveMigrations,
    routes: proactiveRoutes({ policies, runs, benefits, itemLink: (code) => itemLink(code) }),
  };
}
