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
import { Runs, type RunCounts } from './runs.ts';

export { proactiveMigrations } from './migrations/index.ts';
export type { PolicyDefinition } from './schema.ts';
export { PolicyInput } from './schema.ts';
export * from './events.ts';
export type { RunCounts } from './runs.ts';
export type { FactsPort } from './ports.ts';

/** 主动服务: what the platform, flows, seeds and tests may use of the proactive module. */
export interface ProactiveModule {
  policies: Pick<Policies, 'create' | 'update' | 'publish' | 'published' | 'cards'>;
  runs: Pick<Runs, 'runNow' | 'runAll'>;
  /** 数据变化触发: re-checks one subject against every published policy (in the caller's transaction). */
  recheck(trx: Executor, subject: Subject, key: string): Promise<{ offered: number; stopped: number }>;
  /** 政策找人 → 办件: marks the matches of an application's item applied or granted. */
  applicationStep(trx: Executor, a: { itemCode: string; applicationId: string; applicantAccountId: string; enterpriseId: string | null; step: 'applied' | 'granted' }): Promise<number>;
  /** Plugs in where a policy's 事项 is applied for (the services module, wired by a flow): the page path for an item code. */
  useItemLinks(link: (code: string) => Promise<string | null>): void;
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
  const policies = new Policies(k, policy, data.facts, names);
  const runs = new Runs(k, policy, data.facts, people, policies);
  const benefits = new Benefits(k, policy, data.facts, people, policies, runs, names);
  let itemLink: (code: string) => Promise<string | null> = async () => null;
  // 定期比对: every published policy once a day (the timer is shared by all app nodes: one runs it).
  k.jobs.registerTimer('proactive.runs', 86_400_000, async () => {
    const done: RunCounts[] = await runs.runAll('schedule');
    k.log.info({ runs: done.length, newlyEligible: done.reduce((s, r) => s + r.newlyEligible, 0) }, 'proactive: scheduled runs done');
  });
  return {
    policies,
    runs,
    recheck: (trx, subject, key) => runs.recheck(trx, subject, key),
    applicationStep: async (trx, a) => {
      const keys = await subjectKeysOf(k, a.applicantAccountId, a.enterpriseId ? { enterpriseId: a.enterpriseId } : null, trx);
      return benefits.applicationStep(trx, { itemCode: a.itemCode, applicationId: a.applicationId, keys: [keys.person, keys.entity].filter((x): x is string => !!x), step: a.step });
    },
    useItemLinks: (link) => void (itemLink = link),
    migrations: proactiveMigrations,
    routes: proactiveRoutes({ policies, runs, benefits, itemLink: (code) => itemLink(code) }),
  };
}
