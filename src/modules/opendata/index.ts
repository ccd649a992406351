import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { Migration } from '../../kernel/db/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import { createAccessArea, type AccessArea } from './access/index.ts';
import type { OpendataContext } from './area.ts';
import { createCatalogueArea, type CatalogueArea } from './catalogue/index.ts';
import { createCkanArea, type CkanArea } from './ckan/index.ts';
import { createCommunityArea, type CommunityArea } from './community/index.ts';
import { createGrantsArea, type GrantsArea } from './grants/index.ts';
import { opendataMigrations } from './migrations/index.ts';
import type { OpenDataSource } from './ports.ts';
import { createSandboxArea, type SandboxArea } from './sandbox/index.ts';

export { opendataMigrations } from './migrations/index.ts';
export type * from './ports.ts';
export { THEMES, LICENCES, FORMATS } from './themes.ts';
// What the demo seed uses: the shapes it sends, and the tables it writes history into directly
// (past downloads and calls, a dataset catalogued weeks ago) where no API makes the past.
export type { DescribeInput } from './catalogue/datasets.ts';
export type { QueryInput } from './sandbox/schema.ts';
export type { AccessTables } from './access/tables.ts';
export { catalogueDb } from './catalogue/tables.ts';
export { communityDb } from './community/tables.ts';
export { cstDay } from './access/counts.ts';

/** 公共数据开放: what the platform, flows, seeds and tests may use of the opendata module. */
export interface OpendataModule {
  catalogue: CatalogueArea;
  access: AccessArea;
  ckan: CkanArea;
  grants: GrantsArea;
  sandbox: SandboxArea;
  community: CommunityArea;
  /** A flow plugs in the data module's catalogue and rows (null unplugs). */
  useSource(source: OpenDataSource | null): void;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 公共数据开放 for the public, researchers, companies and the data bureau: the 开放目录 made from the
 * data catalogue, downloads and an API with keys, a CKAN-compatible API and DCAT-AP, 有条件开放 as a
 * scoped gateway grant, a sandbox where data is usable but not visible, and the portal's 互动.
 */
export function createOpendataModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule): OpendataModule {
  const ctx: OpendataContext = { k, policy, org, identity, ports: { source: null, catalogue: null, access: null, grants: null, community: null } };
  // Areas others read through ports first; each sets its port on ctx.ports when made.
  const catalogue = createCatalogueArea(ctx);
  const access = createAccessArea(ctx);
  const grants = createGrantsArea(ctx);
  const community = createCommunityArea(ctx);
  const sandbox = createSandboxArea(ctx);
  const ckan = createCkanArea(ctx);
  const areas = [catalogue, access, grants, sandbox, community, ckan];
  for (const a of areas) k.events.declareAll(a.events);
  return {
    catalogue,
    access,
    ckan,
    grants,
    sandbox,
    community,
    useSource: (s) => void (ctx.ports.source = s),
    migrations: opendataMigrations,
    routes: async (app) => {
      for (const a of areas) await a.routes(app);
    },
  };
}
