import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { Migration } from '../../kernel/db/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { OpennessContext } from './area.ts';
import { createInteractionArea, type InteractionArea } from './interaction/index.ts';
import { createLibraryArea, type LibraryArea } from './library/index.ts';
import { createMatchingArea, type MatchingArea } from './matching/index.ts';
import { opennessMigrations } from './migrations/index.ts';
import type { KnowledgeSource, MatchingEngine, NoticeSealer, Supervisor } from './ports.ts';
import { createReportsArea, type ReportsArea } from './reports/index.ts';
import { createRequestsArea, type RequestsArea } from './requests/index.ts';
import { createReviewArea, type ReviewArea } from './review/index.ts';

export { opennessMigrations } from './migrations/index.ts';
export type * from './ports.ts';
export * from './vocabulary.ts';

/** 政务公开: what the platform, flows, seeds and tests may use of the openness module. */
export interface OpennessModule {
  library: LibraryArea;
  review: ReviewArea;
  requests: RequestsArea;
  reports: ReportsArea;
  interaction: InteractionArea;
  matching: MatchingArea;
  /** Flows plug in what other modules provide (null unplugs). */
  useSealer(s: NoticeSealer | null): void;
  useSupervisor(s: Supervisor | null): void;
  useMatching(m: MatchingEngine | null): void;
  useKnowledge(k: KnowledgeSource | null): void;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 政务公开 for the public and the editors: the 政策文件库 with 解读, publication after a content check,
 * 保密审查 and a leader's approval, 依申请公开 on the regulation's clock, the yearly report, 政策找人 and
 * 政民互动 on one knowledge base with 12345.
 */
export function createOpennessModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule): OpennessModule {
  const ctx: OpennessContext = { k, policy, org, identity, ports: { library: null, requests: null, sealer: null, supervisor: null, matching: null, knowledge: null } };
  // Areas others read through ports first; each sets its port on ctx.ports when made.
  const library = createLibraryArea(ctx);
  const requests = createRequestsArea(ctx);
  const review = createReviewArea(ctx);
  const reports = createReportsArea(ctx);
  const interaction = createInteractionArea(ctx);
  const matching = createMatchingArea(ctx);
  const areas = [library, review, requests, reports, interaction, matching];
  for (const a of areas) k.events.declareAll(a.events);
  return {
    library,
    review,
    requests,
    reports,
    interaction,
    matching,
    useSealer: (s) => void (ctx.ports.sealer = s),
    useSupervisor: (s) => void (ctx.ports.supervisor = s),
    useMatching: (m) => void (ctx.ports.matching = m),
    useKnowledge: (q) => void (ctx.ports.knowledge = q),
    migrations: opennessMigrations,
    routes: async (app) => {
      for (const a of areas) await a.routes(app);
    },
  };
}
