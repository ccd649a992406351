import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { describeRule, factCatalog, parseAmount, parseRule, requirePassingTests, runRuleTests, type FactCatalog, type RuleNode, type Subject } from '../../kernel/rules/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import { ProactiveErrors } from './errors.ts';
import { asOfDay, type FactsPort } from './ports.ts';
import type { PolicyDefinition } from './schema.ts';
import type { Selectable } from 'kysely';
import { proactiveDb, type ProactivePolicyTable } from './tables.ts';

type PolicyRow = Selectable<ProactivePolicyTable>;

/** A policy in brief, for another module's lists (政策找人 on a policy document). */
export interface PolicyBrief {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  mode: 'automatic' | 'application';
  subject: 'person' | 'entity';
  departmentId: string;
  regionCode: string;
  published: boolean;
  /** The published rule in words, one entry per top-level condition (empty when unpublished). */
  conditionsZh: string[];
  conditionsEn: string[];
  itemCode: string | null;
}

/** A policy with its published (or draft) version read and checked. */
export interface LoadedPolicy {
  row: PolicyRow;
  versionId: string;
  version: number;
  def: PolicyDefinition;
  node: RuleNode;
  tiers: ReturnType<typeof parseAmount> | null;
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/**
 * Policies as versioned configuration: a draft is checked against the declared facts when saved,
 * its test cases gate publishing, a rule that holds for every subject is refused, and policies may
 * not depend on each other in a cycle. Records made under a version keep its id.
 */
export class Policies {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly facts: FactsPort,
    private readonly names: DepartmentNames,
  ) {}

  catalogue(subject: Subject): FactCatalog {
    return factCatalog(this.facts.catalog(subject));
  }

  /** Checks a definition against the declared facts; returns the checked rule. */
  check(def: PolicyDefinition): { node: RuleNode; tiers: ReturnType<typeof parseAmount> | null } {
    const cat = this.catalogue(def.subject);
    // A rule on the other kind of subject's facts reads as "undeclared" against this catalogue; say it plainly.
    const other = this.catalogue(def.subject === 'person' ? 'entity' : 'person');
    let parsed;
    try {
      parsed = parseRule(def.rule, cat);
    } catch (e) {
      if ((e as { code?: string }).code === 'RULE_UNKNOWN_FACT') {
        try {
          parseRule(def.rule, other);
        } catch {
          throw e;
        }
        throw ProactiveErrors.subjectMismatch(def.subject === 'person' ? 'entity' : 'person');
      }
      throw e;
    }
    const tiers = def.amount ? parseAmount(def.amount, cat) : null;
    def.tests.forEach((t, i) => {
      const entries = Object.entries(t.facts ?? {});
      if (entries.length > 60) throw ProactiveErrors.badInput([{ path: `/tests/${i}/facts`, message: 'at most 60 facts / 最多 60 个事实' }]);
      for (const [k, v] of entries)
        if (!(v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 200)))
          throw ProactiveErrors.badInput([{ path: `/tests/${i}/facts/${k}`, message: 'a string, number, boolean or null / 须为文本、数值、是否或空' }]);
    });
    if (def.mode === 'application' && !def.itemCode) throw ProactiveErrors.itemRequired();
    return { node: parsed.node, tiers };
  }

  private async requireManage(who: Principal, departmentId: string, regionCode = who.regionCode || this.k.config.regionCode) {
    if (!this.policy.can(who, 'proactive.manage', { regionCode, departmentId })) throw Errors.forbidden();
  }

  private async dependencies(ex: Executor, code: string, dependsOn: readonly string[]): Promise<void> {
    if (dependsOn.length === 0) return;
    const rows = await proactiveDb(ex)
      .selectFrom('proactive_policy as p')
      .innerJoin('proactive_policy_version as v', (j) => j.onRef('v.policy_id', '=', 'p.id'))
      .select(['p.code', 'p.draft_version_id', 'p.published_version_id', 'v.id', 'v.definition'])
      .execute();
    const graph = new Map<string, string[]>();
    for (const r of rows) {
      // The edges that count are those of each policy's newest version (its draft, else its published one).
      if (r.id !== (r.draft_version_id ?? r.published_version_id)) continue;
      graph.set(r.code, r.definition.dependsOn ?? []);
    }
    graph.set(code, [...dependsOn]);
    for (const d of dependsOn) if (!graph.has(d)) throw ProactiveErrors.unknownDependency(d);
    // Depth-first from this policy: reaching it again is a cycle.
    const path: string[] = [code];
    const seen = new Set<string>();
    const visit = (c: string): string[] | null => {
      for (const n of graph.get(c) ?? []) {
        if (n === code) return [...path, n];
        if (seen.has(n)) continue;
        seen.add(n);
        path.push(n);
        const found = visit(n);
        if (found) return found;
        path.pop();
      }
      return null;
    };
    const cycle = visit(code);
    if (cycle) throw ProactiveErrors.cycle(cycle);
  }

  async create(who: Principal, def: PolicyDefinition, requestId?: string): Promise<{ id: string; version: number }> {
    await this.requireManage(who, def.departmentId);
    this.check(def);
    const now = this.k.clock.now();
    const id = uuidv7();
    const versionId = uuidv7();
    const regionCode = who.regionCode || this.k.config.regionCode;
    return this.k.db.transaction().execute(async (trx) => {
      const taken = await proactiveDb(trx).selectFrom('proactive_policy').select('id').where('code', '=', def.code).executeTakeFirst();
      if (taken) throw ProactiveErrors.codeTaken();
      await this.dependencies(trx, def.code, def.dependsOn ?? []);
      await proactiveDb(trx)
        .insertInto('proactive_policy')
        .values({
          id,
          code: def.code,
          region_code: regionCode,
          department_id: def.departmentId,
          name: def.name,
          name_en: def.nameEn,
          mode: def.mode,
          subject: def.subject,
          draft_version_id: null,
          published_version_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await proactiveDb(trx)
        .insertInto('proactive_policy_version')
        .values({ id: versionId, policy_id: id, version: 1, definition: JSON.stringify(def), state: 'draft', created_by: who.accountId, created_at: now, published_by: null, published_at: null })
        .execute();
      await proactiveDb(trx).updateTable('proactive_policy').set({ draft_version_id: versionId }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'proactive.policy',
        objectId: id,
        regionCode,
        change: { code: def.code, version: 1, rule: def.rule, amount: def.amount },
        summary: { code: def.code, version: 1 },
        requestId,
      });
      return { id, version: 1 };
    });
  }

  /** Saves a new draft (or replaces the open draft); the published version keeps working until the draft is published. */
  async update(who: Principal, id: string, def: PolicyDefinition, requestId?: string): Promise<{ id: string; version: number }> {
    const row = await this.row(id);
    await this.requireManage(who, row.department_id, row.region_code);
    if (def.departmentId !== row.department_id) await this.requireManage(who, def.departmentId, row.region_code);
    if (def.code !== row.code) throw ProactiveErrors.badInput([{ path: '/code', message: 'a policy keeps its code / 政策代码不可修改' }]);
    if (def.subject !== row.subject) throw ProactiveErrors.badInput([{ path: '/subject', message: 'a policy keeps its subject / 政策对象不可修改' }]);
    this.check(def);
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      await this.dependencies(trx, def.code, def.dependsOn ?? []);
      const locked = await proactiveDb(trx).selectFrom('proactive_policy').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      let version: number;
      if (locked.draft_version_id) {
        const v = await proactiveDb(trx)
          .updateTable('proactive_policy_version')
          .set({ definition: JSON.stringify(def), created_by: who.accountId, created_at: now })
          .where('id', '=', locked.draft_version_id)
          .returning('version')
          .executeTakeFirstOrThrow();
        version = v.version;
      } else {
        const last = await proactiveDb(trx)
          .selectFrom('proactive_policy_version')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('policy_id', '=', id)
          .executeTakeFirstOrThrow();
        version = Number(last.v ?? 0) + 1;
        const versionId = uuidv7();
        await proactiveDb(trx)
          .insertInto('proactive_policy_version')
          .values({ id: versionId, policy_id: id, version, definition: JSON.stringify(def), state: 'draft', created_by: who.accountId, created_at: now, published_by: null, published_at: null })
          .execute();
        await proactiveDb(trx).updateTable('proactive_policy').set({ draft_version_id: versionId }).where('id', '=', id).execute();
      }
      await proactiveDb(trx).updateTable('proactive_policy').set({ updated_at: now }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'drafted',
        objectType: 'proactive.policy',
        objectId: id,
        regionCode: locked.region_code,
        change: { version, rule: def.rule, amount: def.amount },
        summary: { code: def.code, version },
        requestId,
      });
      return { id, version };
    });
  }

  async row(id: string, ex: Executor = this.k.db): Promise<PolicyRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw ProactiveErrors.notFound('policy');
    const row = await proactiveDb(ex).selectFrom('proactive_policy').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw ProactiveErrors.notFound('policy');
    return row;
  }

  /** The policy's version (published by default, or its draft) with its rule checked. */
  async load(id: string, which: 'published' | 'draft' | 'newest' = 'published', ex: Executor = this.k.db): Promise<LoadedPolicy> {
    const row = await this.row(id, ex);
    const vid = which === 'published' ? row.published_version_id : which === 'draft' ? row.draft_version_id : (row.draft_version_id ?? row.published_version_id);
    if (!vid) throw which === 'draft' ? ProactiveErrors.notDraft() : ProactiveErrors.notPublished();
    const v = await proactiveDb(ex).selectFrom('proactive_policy_version').selectAll().where('id', '=', vid).executeTakeFirstOrThrow();
    const { node, tiers } = this.check(v.definition);
    return { row, versionId: v.id, version: v.version, def: v.definition, node, tiers };
  }

  async test(who: Principal, id: string) {
    const row = await this.row(id);
    if (!this.policy.can(who, 'proactive.read', { regionCode: row.region_code })) throw Errors.forbidden();
    const p = await this.load(id, 'newest');
    return runRuleTests(p.def.rule, p.def.amount, p.def.tests, this.catalogue(p.def.subject));
  }

  /**
   * Publishes the draft: its tests must pass from both sides, it may not close a dependency cycle,
   * and a dry count over the base data refuses a rule that holds for every subject (a rule that
   * grants everyone is a mistake, not a policy).
   */
  async publish(who: Principal, id: string, requestId?: string): Promise<{ id: string; version: number }> {
    const row = await this.row(id);
    await this.requireManage(who, row.department_id, row.region_code);
    const p = await this.load(id, 'draft');
    requirePassingTests(p.def.rule, p.def.amount, p.def.tests, this.catalogue(p.def.subject));
    await this.dependencies(this.k.db, p.def.code, p.def.dependsOn ?? []);
    const population = await this.facts.count(p.def.subject);
    const matched = (await this.facts.match(p.def.subject, p.node, asOfDay(this.k.clock.now()))).length;
    if (population > 0 && matched >= population) throw ProactiveErrors.matchesEveryone(population);
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const locked = await proactiveDb(trx).selectFrom('proactive_policy').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (locked.draft_version_id !== p.versionId) throw ProactiveErrors.notDraft();
      if (locked.published_version_id) await proactiveDb(trx).updateTable('proactive_policy_version').set({ state: 'superseded' }).where('id', '=', locked.published_version_id).execute();
      await proactiveDb(trx).updateTable('proactive_policy_version').set({ state: 'published', published_by: who.accountId, published_at: now }).where('id', '=', p.versionId).execute();
      await proactiveDb(trx)
        .updateTable('proactive_policy')
        .set({ published_version_id: p.versionId, draft_version_id: null, name: p.def.name, name_en: p.def.nameEn, mode: p.def.mode, department_id: p.def.departmentId, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'published',
        objectType: 'proactive.policy',
        objectId: id,
        regionCode: locked.region_code,
        change: { version: p.version, matchedInDryCount: matched, population },
        summary: { code: p.def.code, version: p.version },
        requestId,
      });
      return { id, version: p.version };
    });
  }

  /** Every published policy (for scheduled runs and data-change rechecks), dependencies first. */
  async published(subject?: Subject): Promise<LoadedPolicy[]> {
    let q = proactiveDb(this.k.db).selectFrom('proactive_policy').select('id').where('published_version_id', 'is not', null);
    if (subject) q = q.where('subject', '=', subject);
    const out: LoadedPolicy[] = [];
    for (const r of await q.orderBy('code').execute()) out.push(await this.load(r.id));
    const byCode = new Map(out.map((p) => [p.def.code, p]));
    const sorted: LoadedPolicy[] = [];
    const done = new Set<string>();
    const visit = (p: LoadedPolicy, depth: number) => {
      if (done.has(p.def.code) || depth > 50) return;
      done.add(p.def.code);
      for (const d of p.def.dependsOn ?? []) if (byCode.has(d)) visit(byCode.get(d)!, depth + 1);
      sorted.push(p);
    };
    for (const p of out) visit(p, 0);
    return sorted;
  }

  async view(row: PolicyRow) {
    const vid = row.draft_version_id ?? row.published_version_id!;
    const v = await proactiveDb(this.k.db).selectFrom('proactive_policy_version').selectAll().where('id', '=', vid).executeTakeFirstOrThrow();
    const published = row.published_version_id
      ? await proactiveDb(this.k.db).selectFrom('proactive_policy_version').select('version').where('id', '=', row.published_version_id).executeTakeFirst()
      : undefined;
    let zh = '';
    let en = '';
    try {
      const node = parseRule(v.definition.rule, this.catalogue(row.subject)).node;
      zh = describeRule(node, 'zh');
      en = describeRule(node, 'en');
    } catch {
      // A stored draft whose facts were since withdrawn: shown without words, refused when published.
    }
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      nameEn: row.name_en,
      mode: row.mode,
      subject: row.subject,
      departmentId: row.department_id,
      departmentName: (await this.names.of([row.department_id])).get(row.department_id) ?? '',
      status: (row.published_version_id ? (row.draft_version_id ? 'published_with_draft' : 'published') : 'draft') as 'draft' | 'published' | 'published_with_draft',
      publishedVersion: published?.version ?? null,
      draftVersion: row.draft_version_id ? v.version : null,
      definition: v.definition,
      conditionsZh: zh,
      conditionsEn: en,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  async list(who: Principal, opts: { after?: string; limit: number }) {
    let q = proactiveDb(this.k.db).selectFrom('proactive_policy').selectAll().orderBy('code').limit(opts.limit);
    if (opts.after) q = q.where('code', '>', opts.after);
    if (who.regionCode) q = q.where('region_code', 'like', `${who.regionCode}%`);
    const rows = await q.execute();
    const items = await Promise.all(rows.map((r) => this.view(r)));
    return { items, next: rows.length === opts.limit ? rows.at(-1)!.code : null };
  }

  async get(who: Principal, id: string) {
    const row = await this.row(id);
    if (!this.policy.can(who, 'proactive.read', { regionCode: row.region_code })) throw Errors.forbidden();
    return this.view(row);
  }

  /**
   * Every policy in brief (政策找人 on a policy document lists those it may carry): its mode, subject,
   * department and whether it is published; the published version's conditions in words, one per
   * top-level condition, and its 事项. No permission check: the calling module decides who sees what.
   */
  async briefs(opts: { code?: string } = {}): Promise<PolicyBrief[]> {
    let q = proactiveDb(this.k.db).selectFrom('proactive_policy').selectAll().orderBy('code');
    if (opts.code !== undefined) q = q.where('code', '=', opts.code);
    const out: PolicyBrief[] = [];
    for (const row of await q.limit(500).execute()) {
      let words: { zh: string[]; en: string[] } = { zh: [], en: [] };
      let itemCode: string | null = null;
      if (row.published_version_id) {
        try {
          const p = await this.load(row.id);
          const parts = p.node.kind === 'and' ? p.node.items : [p.node];
          words = { zh: parts.map((n) => describeRule(n, 'zh')), en: parts.map((n) => describeRule(n, 'en')) };
          itemCode = p.def.itemCode ?? null;
        } catch {
          // A published rule whose facts were since withdrawn: listed without words.
        }
      }
      out.push({
        id: row.id,
        code: row.code,
        name: row.name,
        nameEn: row.name_en,
        mode: row.mode,
        subject: row.subject,
        departmentId: row.department_id,
        regionCode: row.region_code,
        published: row.published_version_id !== null,
        conditionsZh: words.zh,
        conditionsEn: words.en,
        itemCode,
      });
    }
    return out;
  }

  /** 政策卡片: what a published policy asks (申报条件, in words), how it pays (兑现方式) and within what time (兑现时限). */
  card(p: LoadedPolicy, departmentName: string) {
    const amount = amountWords(p.def);
    return {
      id: p.row.id,
      code: p.def.code,
      name: p.def.name,
      nameEn: p.def.nameEn,
      mode: p.def.mode,
      subject: p.def.subject,
      departmentName,
      conditionsZh: describeRule(p.node, 'zh'),
      conditionsEn: describeRule(p.node, 'en'),
      payoutZh: p.def.payoutZh,
      payoutEn: p.def.payoutEn,
      timeLimitDays: p.def.timeLimitDays,
      amountZh: amount?.zh ?? null,
      amountEn: amount?.en ?? null,
      period: p.def.period,
      itemCode: p.def.itemCode ?? null,
      basisZh: p.def.basisZh ?? null,
    };
  }

  async cards(subject?: Subject) {
    const ps = await this.published(subject);
    const names = await this.names.of([...new Set(ps.map((p) => p.row.department_id))]);
    return ps.map((p) => this.card(p, names.get(p.row.department_id) ?? ''));
  }
}

/** The amount tiers in words (e.g. "80–89 岁 30 元/月"), from the configuration, never from code. */
function amountWords(def: PolicyDefinition): { zh: string; en: string } | null {
  if (!def.amount) return null;
  const per = def.period === 'monthly' ? { zh: '/月', en: ' a month' } : { zh: '', en: '' };
  const parts = def.amount.tiers.map((t) => {
    const v = t.fen !== undefined ? { zh: `${yuan(t.fen)} 元${per.zh}`, en: `¥${yuan(t.fen)}${per.en}` } : { zh: `${t.percentOf!.percent}%`, en: `${t.percentOf!.percent} %` };
    return t.label ? { zh: `${t.label}：${v.zh}`, en: `${t.label}: ${v.en}` } : v;
  });
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}
