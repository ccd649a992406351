import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Principal } from '../../kernel/policy/index.ts';
import { validateDefinition, WorkflowDefinition, type DefinitionProblem } from '../../kernel/workflow/index.ts';
import { ROLES } from '../org/index.ts';
import { CASE_WORKFLOW } from './workflow.ts';
import { CASE_WORKFLOW_PUBLISHED } from './events.ts';

export interface WorkflowVersionInfo {
  version: number;
  regionCode: string;
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
}

export const WorkflowErrors = {
  invalid: (problems: DefinitionProblem[]) => new DomainError('CASE_WORKFLOW_INVALID', 400, '工单流程定义有误，未发布', 'The case workflow has problems and was not published', problems),
  raced: () => new DomainError('CASE_WORKFLOW_PUBLISHED_MEANWHILE', 409, '刚有人发布了新版本，请刷新后重试', 'Someone published a version meanwhile; reload and try again'),
};

/** How long a node trusts which version is latest for a region; a publish on this node forgets it at once. */
const LATEST_CACHE_MS = 5_000;

/** What the case engine needs beyond the kernel's rules: limits that are positive. */
function caseProblems(def: WorkflowDefinition): DefinitionProblem[] {
  return Object.entries(def.states)
    .filter(([, s]) => s.limitDays !== undefined && s.limitDays <= 0)
    .map(([code]) => ({ path: `/states/${code}/limitDays`, message: `a time limit must be at least 1 day / 时限须至少1个工作日` }));
}

/**
 * Case workflow definitions by version, per region. Version numbers are unique across regions (a
 * case stores only the number and is always read with the version it was made under). A new case
 * takes the latest version of the narrowest region above it that has published one — the region's
 * own, else its city's, else its province's, else the national one from code (version 1, written
 * on first use). Publishing never changes a stored version, so nothing running changes.
 */
export class CaseWorkflows {
  private readonly defs = new Map<number, WorkflowDefinition>();
  private readonly latestOf = new Map<string, { version: number; until: number }>();
  /** Extra checks on publish, e.g. that every action has a registered handler (set by the case engine). */
  checkHandlers?: (def: WorkflowDefinition) => DefinitionProblem[];

  constructor(private readonly k: Kernel) {}

  /** `ex`: the caller's transaction, when one is open (an embedded database has one connection). */
  async get(version: number, ex: Executor = this.k.db): Promise<WorkflowDefinition> {
    let def = this.defs.get(version);
    if (!def) {
      const row = await ex.selectFrom('cases_workflow').select('definition').where('version', '=', version).executeTakeFirstOrThrow();
      def = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as WorkflowDefinition;
      this.defs.set(version, def);
    }
    return def;
  }

  /**
   * The version new cases of a region take. Called as `latest(regionCode, ex?)`; the older
   * `latest(ex?)` form reads the installation's own region.
   */
  async latest(regionOrEx?: string | Executor, maybeEx?: Executor): Promise<{ version: number; def: WorkflowDefinition }> {
    const regionCode = typeof regionOrEx === 'string' ? regionOrEx : this.k.config.regionCode;
    const ex = (typeof regionOrEx === 'string' ? maybeEx : regionOrEx) ?? this.k.db;
    const hit = this.latestOf.get(regionCode);
    if (hit && hit.until > Date.now()) return { version: hit.version, def: await this.get(hit.version, ex) };
    await this.ensureNational(ex);
    const row = await ex
      .selectFrom('cases_workflow')
      .select('version')
      .where(sql<boolean>`starts_with(${regionCode}, region_code)`)
      .orderBy(sql`length(region_code)`, 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const version = Number(row.version);
    if (!ex.isTransaction) this.latestOf.set(regionCode, { version, until: Date.now() + LATEST_CACHE_MS });
    return { version, def: await this.get(version, ex) };
  }

  /** The code's definition is version 1 (not written by a migration, so a fresh database stays empty for a restore). */
  private async ensureNational(ex: Executor): Promise<void> {
    await ex
      .insertInto('cases_workflow')
      .values({ version: 1, region_code: '', definition: JSON.stringify(CASE_WORKFLOW) })
      .onConflict((oc) => oc.column('version').doNothing())
      .execute();
  }

  /** Versions a region sees: its own and those of the regions above it, newest first. */
  async versions(regionCode: string): Promise<WorkflowVersionInfo[]> {
    await this.ensureNational(this.k.db);
    const rows = await this.k.db
      .selectFrom('cases_workflow')
      .select(['version', 'region_code', 'reason', 'created_by', 'created_at'])
      .where(sql<boolean>`starts_with(${regionCode}, region_code)`)
      .orderBy('version', 'desc')
      .limit(100)
      .execute();
    return rows.map((r) => ({ version: Number(r.version), regionCode: r.region_code, reason: r.reason, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
  }

  /** Every problem that keeps a definition from being published; none means it may be. */
  problems(def: unknown): DefinitionProblem[] {
    if (!Value.Check(WorkflowDefinition, def)) {
      const seen = new Set<string>();
      return [...Value.Errors(WorkflowDefinition, def)]
        .map((e) => ({ path: e.path || '/', message: e.message }))
        .filter((p) => !seen.has(p.path) && seen.add(p.path))
        .slice(0, 20);
    }
    const codes = ROLES.map((r) => r.code);
    return [...validateDefinition(def, codes), ...caseProblems(def), ...(this.checkHandlers?.(def) ?? [])];
  }

  /**
   * Publishes a region's new version: checked first (refused with each problem named), then stored
   * with its audit entry and event in one transaction. New cases of the region and below take it;
   * running cases keep theirs. The caller has checked `cases.manage` for the region.
   */
  async publish(who: Principal, regionCode: string, def: unknown, reason: string, requestId?: string): Promise<WorkflowVersionInfo> {
    const problems = this.problems(def);
    if (problems.length) throw WorkflowErrors.invalid(problems);
    const now = this.k.clock.now();
    await this.ensureNational(this.k.db);
    const info = await this.k.db
      .transaction()
      .execute(async (trx) => {
        const row = (
          await sql<{ version: number }>`
            INSERT INTO cases_workflow (version, region_code, definition, reason, created_by, created_at)
            SELECT coalesce(max(version), 0) + 1, ${regionCode}, ${JSON.stringify(def)}::jsonb, ${reason}, ${who.accountId}, ${now} FROM cases_workflow
            RETURNING version`.execute(trx)
        ).rows[0];
        const version = Number(row.version);
        await this.k.recordChange(trx, {
          actor: actorOf(who),
          action: 'workflow-published',
          objectType: 'cases.workflow',
          objectId: String(version),
          regionCode,
          change: { version, reason, definition: def },
          event: { topic: CASE_WORKFLOW_PUBLISHED, payload: { version, regionCode } },
          requestId,
        });
        return { version, regionCode, reason, createdBy: who.accountId, createdAt: now.toISOString() };
      })
      .catch((err: { code?: string }) => {
        if (err?.code === '23505') throw WorkflowErrors.raced();
        throw err;
      });
    this.latestOf.clear();
    return info;
  }

  /**
   * Labels of states and actions for code lists: the region's latest version first, then older
   * versions for codes only they have, so a case made under an old version still reads its words.
   */
  async labels(regionCode: string): Promise<{ states: Map<string, { zh: string; en: string }>; actions: Map<string, { zh: string; en: string }> }> {
    const { version } = await this.latest(regionCode);
    const order = [version, ...(await this.versions(regionCode)).map((v) => v.version).filter((v) => v !== version)];
    const states = new Map<string, { zh: string; en: string }>();
    const actions = new Map<string, { zh: string; en: string }>();
    for (const v of order) {
      const def = await this.get(v);
      for (const [code, s] of Object.entries(def.states)) if (!states.has(code)) states.set(code, { zh: s.zh, en: s.en });
      for (const a of def.actions) if (!actions.has(a.code)) actions.set(a.code, { zh: a.zh, en: a.en });
    }
    return { states, actions };
  }
}
