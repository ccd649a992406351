import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { Migration } from '../../kernel/db/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { RegulationContext } from './area.ts';
import { createCreditArea, type CreditArea } from './credit/index.ts';
import { createDirectoryArea, type DirectoryArea } from './directory/index.ts';
import { createDrawsArea, type DrawsArea } from './draws/index.ts';
import { createItemsArea, type ItemsArea } from './items/index.ts';
import { regulationMigrations } from './migrations/index.ts';
import type { EntityBase, EntityLicences, LicensingCatalogue } from './ports.ts';
import { createProfilesArea, type ProfilesArea } from './profiles/index.ts';
import { createTasksArea, type TasksArea } from './tasks/index.ts';

export { regulationMigrations } from './migrations/index.ts';
export type * from './ports.ts';
export type { CheckMethod, ItemLevel } from './items/methods.ts';

/** 互联网+监管: what the platform, flows, seeds and tests may use of the regulation module. */
export interface RegulationModule {
  items: ItemsArea;
  directory: DirectoryArea;
  credit: CreditArea;
  draws: DrawsArea;
  tasks: TasksArea;
  profiles: ProfilesArea;
  /** Flows plug in the other modules this one reads (null unplugs). */
  useEntities(entities: EntityBase | null): void;
  useLicences(licences: EntityLicences | null): void;
  useCatalogue(catalogue: LicensingCatalogue | null): void;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 互联网+监管 for regulators, inspectors, enterprises and the public: 监管事项清单 (照单监管), the
 * 两库一单, credit-risk classes A–D, 双随机 plans with a draw anyone can recompute, inspection tasks
 * and 一公开, enterprise profiles, and 审管联动 with the approvals and 12345 (through flows).
 */
export function createRegulationModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule): RegulationModule {
  const ctx: RegulationContext = {
    k,
    policy,
    org,
    identity,
    ports: { entities: null, licences: null, catalogue: null, items: null, objects: null, inspectors: null, credit: null, tasks: null },
  };
  // Areas that others read through ports first; each sets its port(s) on ctx.ports when made.
  const items = createItemsArea(ctx);
  const directory = createDirectoryArea(ctx);
  const credit = createCreditArea(ctx);
  const tasks = createTasksArea(ctx);
  const draws = createDrawsArea(ctx);
  const profiles = createProfilesArea(ctx);
  const areas = [items, directory, credit, draws, tasks, profiles];
  for (const a of areas) k.events.declareAll(a.events);
  return {
    items,
    directory,
    credit,
    draws,
    tasks,
    profiles,
    useEntities: (e) => void (ctx.ports.entities = e),
    useLicences: (l) => void (ctx.ports.licences = l),
    useCatalogue: (c) => void (ctx.ports.catalogue = c),
    migrations: regulationMigrations,
    routes: async (app) => {
      for (const a of areas) await a.routes(app);
    },
  };
}
