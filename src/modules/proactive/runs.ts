import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { amountOf, describeRule, evaluate, type Subject } from '../../kernel/rules/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { ProactiveErrors } from './errors.ts';
import type { LoadedPolicy, Policies } from './policies.ts';
import { asOfDay, type FactsPort, type IdentityPort } from './ports.ts';
import type { StopReason } from './schema.ts';
import { proactiveDb } from './tables.ts';

const CHUNK = 1000;
const LIVE_PAYING = ['offered', 'confirmed', 'paid'] as const;

export interface RecheckPlan {
  subject: Subject;
  key: string;
  values: Awaited<ReturnType<FactsPort['valuesOf']>>;
  policies: LoadedPolicy[];
  /** The links each 政策找人 notice carries, by policy code (resolved before the transaction). */
  links?: Record<string, TellLinks>;
}

/** A policy's source document (政策原文, e.g. in the 政策文件库), when one carries it. */
export interface PolicySource {
  link: string;
  title: string;
}

/** Where 政策找人 notices point: the 事项's application page and the policy document. */
export interface RunLinks {
  item(code: string): Promise<string | null>;
  source(policyCode: string): Promise<PolicySource | null>;
}

interface TellLinks {
  apply: string | null;
  source: PolicySource | null;
}

export interface RunCounts {
  id: string;
  policyId: string;
  version: number;
  trigger: string;
  asOf: string;
  startedAt: string;
  durationMs: number;
  population: number;
  matched: number;
  newlyEligible: number;
  stopped: number;
  notified: number;
}

/**
 * Runs a published policy over the whole population in one pass of SQL (the data backbone's
 * `facts.match`), compares the result with the live benefits (免申即享) or matches (政策找人) of the
 * last runs, creates one record for each newly eligible subject, tells them, and stops those whose
 * conditions no longer hold, saying which condition failed. The unique live index on (policy,
 * subject) makes a second run, or a run racing another, create nothing twice.
 */
export class Runs {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly facts: FactsPort,
    private readonly identity: IdentityPort,
    private readonly policies: Policies,
  ) {}

  /** Plugged in by flows (services' application pages, the openness library's documents); none by default. */
  links: RunLinks = { item: async () => null, source: async () => null };

  /** The notice links of a 政策找人 policy; a link that cannot be resolved is left out, never fails a run. */
  private async linksOf(p: LoadedPolicy): Promise<TellLinks> {
    if (p.def.mode !== 'application') return { apply: null, source: null };
    const safe = async <T>(f: () => Promise<T | null>) => {
      try {
        return await f();
      } catch (e) {
        this.k.log.warn({ err: e, policy: p.def.code }, 'proactive: a notice link could not be resolved');
        return null;
      }
    };
    return { apply: p.def.itemCode ? await safe(() => this.links.item(p.def.itemCode!)) : null, source: await safe(() => this.links.source(p.def.code)) };
  }

  /**
   * A run for a caller whose right to it the calling module has checked (政策找人 on a policy document:
   * an editor of the issuing department). `retell` also tells the subjects already matched and not yet
   * applying, once (e.g. when the policy document is first published with the rule).
   */
  async runByCode(code: string, actor: Actor, opts: { retell?: boolean; requestId?: string } = {}): Promise<RunCounts> {
    const row = await proactiveDb(this.k.db).selectFrom('proactive_policy').select('id').where('code', '=', code).executeTakeFirst();
    if (!row) throw ProactiveErrors.notFound('policy');
    const p = await this.policies.load(row.id);
    return this.run(p, 'manual', actor, opts.requestId, { retell: opts.retell });
  }

  async runNow(who: Principal, policyId: string, requestId?: string): Promise<RunCounts> {
    const row = await this.policies.row(policyId);
    if (!this.policy.can(who, 'proactive.manage', { regionCode: row.region_code, departmentId: row.department_id })) throw Errors.forbidden();
    const p = await this.policies.load(policyId);
    return this.run(p, 'manual', actorOf(who), requestId);
  }

  /** Runs every published policy (the daily timer, and the seed). */
  async runAll(trigger: string, actor: Actor = { id: 'system', type: 'system' }): Promise<RunCounts[]> {
    const out: RunCounts[] = [];
    for (const p of await this.policies.published()) out.push(await this.run(p, trigger, actor));
    return out;
  }

  async run(p: LoadedPolicy, trigger: string, actor: Actor, requestId?: string, opts: { retell?: boolean } = {}): Promise<RunCounts> {
    const started = this.k.clock.now();
    const t0 = performance.now();
    const asOf = asOfDay(started);
    const subject = p.def.subject;
    const matched = await this.facts.match(subject, p.node, asOf, p.tiers ?? undefined);
    const population = await this.facts.count(subject);
    const runId = uuidv7();
    const automatic = p.def.mode === 'automatic';
    // Read before the transaction: the live records, and why each one no longer qualifies (the
    // data backbone answers on its own connection, which PGlite could not lend inside one).
    const db0 = proactiveDb(this.k.db);
    const live = automatic
      ? await db0.selectFrom('proactive_benefit').select(['id', 'subject_key', 'state']).where('policy_id', '=', p.row.id).where('state', '<>', 'stopped').execute()
      : await db0.selectFrom('proactive_match').select(['id', 'subject_key', 'state']).where('policy_id', '=', p.row.id).where('state', '<>', 'withdrawn').execute();
    const matchedKeys = new Set(matched.map((m) => m.key));
    const liveKeys = new Set(live.map((b) => b.subject_key));
    const fresh = matched.filter((m) => !liveKeys.has(m.key));
    // No longer eligible: a paying benefit stops (with the failed conditions); an open match is withdrawn.
    const gone = live.filter((b) => !matchedKeys.has(b.subject_key) && (automatic ? (LIVE_PAYING as readonly string[]).includes(b.state) : b.state === 'matched'));
    const reasons = new Map<string, StopReason>();
    if (automatic) for (const g of gone) reasons.set(g.id, await this.whyNot(p, g.subject_key, asOf));
    // Still matched and not yet applying: told again only when asked (once, by the caller's choice).
    const again = opts.retell && !automatic ? live.filter((b) => matchedKeys.has(b.subject_key) && b.state === 'matched').map((b) => ({ id: b.id, key: b.subject_key, amountFen: null })) : [];
    const links = await this.linksOf(p);
    return this.k.db.transaction().execute(async (trx) => {
      const db = proactiveDb(trx);
      await db
        .insertInto('proactive_run')
        .values({
          id: runId,
          policy_id: p.row.id,
          version_id: p.versionId,
          region_code: p.row.region_code,
          trigger,
          as_of: asOf,
          started_at: started,
          finished_at: started,
          duration_ms: 0,
          population,
          matched: matched.length,
          newly_eligible: 0,
          stopped: 0,
          notified: 0,
          started_by: actor.id,
        })
        .execute();
      const now = this.k.clock.now();
      const created: { id: string; key: string; amountFen: number | null }[] = [];
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const rows = fresh.slice(i, i + CHUNK).map((m) => ({
          id: uuidv7(),
          policy_id: p.row.id,
          version_id: p.versionId,
          region_code: p.row.region_code,
          subject,
          subject_key: m.key,
          name_masked: m.name,
          id_masked: m.idMasked,
          run_id: runId,
          created_at: now,
          updated_at: now,
        }));
        if (automatic) {
          const ins = await db
            .insertInto('proactive_benefit')
            .values(
              rows.map((r, j) => ({
                ...r,
                subject_region: fresh[i + j].regionCode,
                state: 'offered' as const,
                amount_fen: fresh[i + j].amountFen,
                stop_run_id: null,
                account_enc: null,
                account_masked: null,
                decline_reason: null,
                stop_reason: null,
              })),
            )
            .onConflict((oc) => oc.columns(['policy_id', 'subject_key']).where('state', '<>', 'stopped').doNothing())
            .returning(['id', 'subject_key', 'amount_fen'])
            .execute();
          created.push(...ins.map((r) => ({ id: r.id, key: r.subject_key, amountFen: r.amount_fen === null ? null : Number(r.amount_fen) })));
        } else {
          const ins = await db
            .insertInto('proactive_match')
            .values(rows.map((r) => ({ ...r, state: 'matched' as const, application_id: null })))
            .onConflict((oc) => oc.columns(['policy_id', 'subject_key']).where('state', '<>', 'withdrawn').doNothing())
            .returning(['id', 'subject_key'])
            .execute();
          created.push(...ins.map((r) => ({ id: r.id, key: r.subject_key, amountFen: null })));
        }
      }
      if (automatic && created.length)
        await this.logActions(
          trx,
          created.map((c) => c.id),
          'offered',
          null,
          'offered',
          actor,
          runId,
          {},
        );
      let stoppedN = 0;
      for (const g of gone) {
        if (automatic) stoppedN += (await this.stopBenefit(trx, g.id, reasons.get(g.id)!, actor, runId)) ? 1 : 0;
        else
          stoppedN +=
            Number((await db.updateTable('proactive_match').set({ state: 'withdrawn', updated_at: now }).where('id', '=', g.id).where('state', '=', 'matched').executeTakeFirst()).numUpdatedRows) > 0
              ? 1
              : 0;
      }
      const notified = await this.tell(trx, p, [...created, ...again], automatic ? 'benefit' : 'match', links);
      const durationMs = Math.round(performance.now() - t0);
      await db
        .updateTable('proactive_run')
        .set({ finished_at: this.k.clock.now(), duration_ms: durationMs, newly_eligible: created.length, stopped: stoppedN, notified })
        .where('id', '=', runId)
        .execute();
      const counts = { matched: matched.length, newlyEligible: created.length, stopped: stoppedN, notified, population };
      await this.k.recordChange(trx, {
        actor,
        action: 'completed',
        objectType: 'proactive.run',
        objectId: runId,
        regionCode: p.row.region_code,
        // Each benefit's own action rows carry this run's id; the entry holds the counts.
        change: { policyId: p.row.id, versionId: p.versionId, trigger, asOf, ...counts },
        summary: { policyId: p.row.id, ...counts },
        requestId,
      });
      return { id: runId, policyId: p.row.id, version: p.version, trigger, asOf, startedAt: started.toISOString(), durationMs, ...counts };
    });
  }

  /** Why a subject no longer qualifies: the conditions that failed or are unknown now, or that the base data no longer holds them. */
  async whyNot(p: LoadedPolicy, key: string, asOf: string): Promise<StopReason> {
    const v = await this.facts.valuesOf(p.def.subject, { key }, asOf);
    if (!v) return { kind: 'not_in_base', conditions: [] };
    const e = evaluate(p.node, v.values);
    return { kind: e.result === 'unknown' ? 'unknown' : 'conditions', conditions: e.conditions.filter((c) => c.held !== true) };
  }

  private async stopBenefit(trx: Executor, id: string, reason: StopReason, actor: Actor, runId: string | null, requestId?: string) {
    const now = this.k.clock.now();
    const main = proactiveDb(trx)
      .updateTable('proactive_benefit')
      .set({ state: 'stopped', stop_reason: JSON.stringify(reason), stop_run_id: runId, updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', [...LIVE_PAYING])
      .returning(['id', 'region_code', 'policy_id']);
    const done = await this.k.tracedWrite<{ id: string }>(trx, main, {
      actor,
      action: 'stopped',
      objectType: 'proactive.benefit',
      objectId: id,
      regionCode: this.k.config.regionCode,
      change: { state: 'stopped', reason: { kind: reason.kind, facts: reason.conditions.map((c) => c.fact) } },
      summary: { reason: reason.kind },
      event: false,
      requestId,
    });
    if (done.length) await this.logActions(trx, [id], 'stopped', null, 'stopped', actor, runId, { reason });
    return done.length > 0;
  }

  async logActions(trx: Executor, ids: string[], action: string, from: string | null, to: string, actor: Actor, runId: string | null, payload: Record<string, unknown>) {
    const at = this.k.clock.now();
    for (let i = 0; i < ids.length; i += CHUNK)
      await proactiveDb(trx)
        .insertInto('proactive_benefit_action')
        .values(
          ids.slice(i, i + CHUNK).map((id) => ({
            id: uuidv7(),
            benefit_id: id,
            region_code: actor.regionCode || this.k.config.regionCode,
            action,
            from_state: from,
            to_state: to,
            actor_id: actor.id,
            actor_type: actor.type,
            // The kernel's log shape names the actor; a run or a resident is known here by kind and id only.
            actor_name: actor.type === 'system' ? '系统' : actor.id,
            department_id: null,
            opinion: null,
            due_at: null,
            payload: JSON.stringify(runId ? { ...payload, runId } : payload),
            at,
          })),
        )
        .execute();
  }

  /** Inbox entry (and SMS through the sink where a phone is known) for each new benefit or match whose subject has an account. */
  private async tell(
    trx: Executor,
    p: LoadedPolicy,
    created: { id: string; key: string; amountFen: number | null }[],
    kind: 'benefit' | 'match',
    links: TellLinks = { apply: null, source: null },
  ): Promise<number> {
    if (!created.length) return 0;
    const to = await this.identity.recipients(
      trx,
      p.def.subject,
      created.map((c) => c.key),
    );
    const told: string[] = [];
    for (const c of created) {
      const accounts = to.get(c.key) ?? [];
      if (!accounts.length) continue;
      const money = c.amountFen !== null ? `，${p.def.period === 'monthly' ? '每月' : ''}${(c.amountFen / 100).toFixed(2)} 元` : '';
      const title = kind === 'benefit' ? `免申即享：${p.def.name}` : `您可能符合：${p.def.name}`;
      // A match says why (the rule's conditions, which the subject meets) and where to apply and read the policy.
      const body =
        kind === 'benefit'
          ? `经数据比对，您符合“${p.def.name}”的条件${money}，无需申请。请在 ${p.def.timeLimitDays} 个工作日内确认或放弃。`
          : `经数据比对，您可能符合“${p.def.name}”的申报条件（${describeRule(p.node, 'zh')}），可在线申请，已为您预填信息。` +
            (links.apply ? `在线申请：${links.apply}。` : '') +
            (links.source ? `政策原文：《${links.source.title}》${links.source.link}` : '');
      for (const a of accounts) {
        await this.k.notify.notify(trx, {
          regionCode: p.row.region_code,
          recipientId: a.accountId,
          title,
          body,
          link: kind === 'benefit' ? `/my/benefits/${c.id}` : (links.apply ?? `/my/matches`),
          ...(a.phone ? { sms: a.phone } : {}),
        });
      }
      told.push(c.id);
    }
    if (told.length) {
      const table = kind === 'benefit' ? 'proactive_benefit' : 'proactive_match';
      await proactiveDb(trx).updateTable(table).set({ notified: true }).where('id', 'in', told).execute();
    }
    return told.length;
  }

  /**
   * 数据变化触发: re-checks one subject against every published policy on its kind (a death stops a
   * benefit, a new 低保 record offers one). `recheckPlan` reads (outside any transaction: the data
   * backbone answers on its own connection); `recheckCommit` writes, in the caller's transaction.
   */
  async recheckPlan(subject: Subject, key: string): Promise<RecheckPlan> {
    const asOf = asOfDay(this.k.clock.now());
    const v = await this.facts.valuesOf(subject, { key }, asOf);
    const policies = await this.policies.published(subject);
    const links: Record<string, TellLinks> = {};
    for (const p of policies) if (p.def.mode === 'application') links[p.def.code] = await this.linksOf(p);
    return { subject, key, values: v, policies, links };
  }

  async recheckCommit(trx: Executor, plan: RecheckPlan): Promise<{ offered: number; stopped: number }> {
    const actor: Actor = { id: 'system', type: 'system' };
    const { subject, key, values: v } = plan;
    let offered = 0;
    let stopped = 0;
    for (const p of plan.policies) {
      const e = v ? evaluate(p.node, v.values) : null;
      const automatic = p.def.mode === 'automatic';
      const db = proactiveDb(trx);
      const live = automatic
        ? await db.selectFrom('proactive_benefit').select(['id', 'state']).where('policy_id', '=', p.row.id).where('subject_key', '=', key).where('state', '<>', 'stopped').executeTakeFirst()
        : await db.selectFrom('proactive_match').select(['id', 'state']).where('policy_id', '=', p.row.id).where('subject_key', '=', key).where('state', '<>', 'withdrawn').executeTakeFirst();
      const now = this.k.clock.now();
      if (e?.result === true && v && !live) {
        const id = uuidv7();
        const amountFen = p.tiers ? amountOf(p.tiers, v.values) : null;
        const base = {
          id,
          policy_id: p.row.id,
          version_id: p.versionId,
          region_code: p.row.region_code,
          subject,
          subject_key: key,
          name_masked: v.name,
          id_masked: v.idMasked,
          run_id: null,
          created_at: now,
          updated_at: now,
        };
        const rec = {
          actor,
          action: automatic ? 'offered' : 'matched',
          objectType: automatic ? 'proactive.benefit' : 'proactive.match',
          objectId: id,
          regionCode: p.row.region_code,
          change: { policyId: p.row.id, versionId: p.versionId, trigger: 'data-change', amountFen },
          event: false as const,
        };
        const ins = automatic
          ? await this.k.tracedWrite(
              trx,
              db
                .insertInto('proactive_benefit')
                .values({
                  ...base,
                  subject_region: typeof v.values.regionCode === 'string' ? v.values.regionCode : p.row.region_code,
                  state: 'offered',
                  amount_fen: amountFen,
                  stop_run_id: null,
                  account_enc: null,
                  account_masked: null,
                  decline_reason: null,
                  stop_reason: null,
                })
                .onConflict((oc) => oc.columns(['policy_id', 'subject_key']).where('state', '<>', 'stopped').doNothing())
                .returning('id'),
              rec,
            )
          : await this.k.tracedWrite(
              trx,
              db
                .insertInto('proactive_match')
                .values({ ...base, state: 'matched', application_id: null })
                .onConflict((oc) => oc.columns(['policy_id', 'subject_key']).where('state', '<>', 'withdrawn').doNothing())
                .returning('id'),
              rec,
            );
        if (ins.length) {
          if (automatic) await this.logActions(trx, [id], 'offered', null, 'offered', actor, null, { trigger: 'data-change' });
          await this.tell(trx, p, [{ id, key, amountFen }], automatic ? 'benefit' : 'match', plan.links?.[p.def.code]);
          offered++;
        }
      } else if (e?.result !== true && live) {
        if (automatic && (LIVE_PAYING as readonly string[]).includes(live.state)) {
          const reason: StopReason =
            !v || !e ? { kind: 'not_in_base', conditions: [] } : { kind: e.result === 'unknown' ? 'unknown' : 'conditions', conditions: e.conditions.filter((c) => c.held !== true) };
          if (await this.stopBenefit(trx, live.id, reason, actor, null)) stopped++;
        } else if (!automatic && live.state === 'matched') {
          await db.updateTable('proactive_match').set({ state: 'withdrawn', updated_at: now }).where('id', '=', live.id).execute();
          stopped++;
        }
      }
    }
    return { offered, stopped };
  }

  /** Both steps at once (tests, the command line): reads, then writes in a transaction of its own. */
  async recheck(subject: Subject, key: string) {
    const plan = await this.recheckPlan(subject, key);
    return this.k.db.transaction().execute((trx) => this.recheckCommit(trx, plan));
  }

  private async requireRead(who: Principal, row: { region_code: string }) {
    if (!this.policy.can(who, 'proactive.read', { regionCode: row.region_code })) throw Errors.forbidden();
  }

  async list(who: Principal, policyId: string, opts: { after?: string; limit: number }) {
    const row = await this.policies.row(policyId);
    await this.requireRead(who, row);
    let q = proactiveDb(this.k.db)
      .selectFrom('proactive_run as r')
      .innerJoin('proactive_policy_version as v', 'v.id', 'r.version_id')
      .selectAll('r')
      .select('v.version')
      .where('r.policy_id', '=', policyId)
      .orderBy('r.id', 'desc')
      .limit(opts.limit);
    if (opts.after) q = q.where('r.id', '<', opts.after);
    const rows = await q.execute();
    return { items: rows.map(runView), next: rows.length === opts.limit ? rows.at(-1)!.id : null };
  }

  /** One run as officials see it: its counts, where the policy's benefits stand now, and who was newly eligible or stopped (masked). */
  async detail(who: Principal, runId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(runId)) throw ProactiveErrors.notFound('run');
    const r = await proactiveDb(this.k.db)
      .selectFrom('proactive_run as r')
      .innerJoin('proactive_policy_version as v', 'v.id', 'r.version_id')
      .selectAll('r')
      .select('v.version')
      .where('r.id', '=', runId)
      .executeTakeFirst();
    if (!r) throw ProactiveErrors.notFound('run');
    await this.requireRead(who, r);
    const states = await proactiveDb(this.k.db)
      .selectFrom('proactive_benefit')
      .select(['state', sql<number>`count(*)::int`.as('n')])
      .where('policy_id', '=', r.policy_id)
      .groupBy('state')
      .execute();
    const n = (s: string) => Number(states.find((x) => x.state === s)?.n ?? 0);
    const line = (b: { id: string; name_masked: string; id_masked: string; amount_fen: number | null; state: string }) => ({
      benefitId: b.id,
      name: b.name_masked,
      idMasked: b.id_masked,
      amountFen: b.amount_fen === null ? null : Number(b.amount_fen),
      state: b.state,
    });
    const fresh = await proactiveDb(this.k.db)
      .selectFrom('proactive_benefit')
      .select(['id', 'name_masked', 'id_masked', 'amount_fen', 'state'])
      .where('run_id', '=', runId)
      .orderBy('id')
      .limit(200)
      .execute();
    const freshMatches = fresh.length
      ? []
      : await proactiveDb(this.k.db).selectFrom('proactive_match').select(['id', 'name_masked', 'id_masked', 'state']).where('run_id', '=', runId).orderBy('id').limit(200).execute();
    const stopped = await proactiveDb(this.k.db)
      .selectFrom('proactive_benefit')
      .select(['id', 'name_masked', 'id_masked', 'amount_fen', 'state', 'stop_reason'])
      .where('stop_run_id', '=', runId)
      .orderBy('id')
      .limit(200)
      .execute();
    return {
      ...runView(r),
      offered: n('offered'),
      declined: n('declined'),
      confirmed: n('confirmed'),
      paid: n('paid'),
      newlyEligibleList: [...fresh.map(line), ...freshMatches.map((m) => line({ ...m, amount_fen: null }))],
      stoppedList: stopped.map((b) => ({ ...line(b), reason: b.stop_reason ?? { kind: 'unknown' as const, conditions: [] } })),
    };
  }

  /** 政策找人的触达: matched, told, applied, granted (for 免申即享: live, told, confirmed or paid, paid). */
  async reach(who: Principal, policyId: string) {
    const row = await this.policies.row(policyId);
    await this.requireRead(who, row);
    return this.reachOf(row);
  }

  /** The reach figures with no permission check (the public 政策找人 view on a policy document asks the figures only). */
  async reachOf(row: { id: string; mode: string }) {
    const policyId = row.id;
    // Matches count withdrawn ones out; benefits count stopped ones out. The funnel's later steps differ by mode.
    const [table, gone, applied, granted] =
      row.mode === 'application' ? (['proactive_match', 'withdrawn', ['applied', 'granted'], 'granted'] as const) : (['proactive_benefit', 'stopped', ['confirmed', 'paid'], 'paid'] as const);
    const r = await proactiveDb(this.k.db)
      .selectFrom(table)
      .select([
        sql<number>`count(*) FILTER (WHERE state <> ${gone})::int`.as('matched'),
        sql<number>`count(*) FILTER (WHERE notified)::int`.as('notified'),
        sql<number>`count(*) FILTER (WHERE state IN (${sql.join(applied.map((a) => sql`${a}`))}))::int`.as('applied'),
        sql<number>`count(*) FILTER (WHERE state = ${granted})::int`.as('granted'),
      ])
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow();
    return { policyId, matched: Number(r.matched), notified: Number(r.notified), applied: Number(r.applied), granted: Number(r.granted) };
  }
}

function runView(r: {
  id: string;
  policy_id: string;
  version: number;
  trigger: string;
  as_of: string;
  started_at: Date;
  duration_ms: number;
  population: number;
  matched: number;
  newly_eligible: number;
  stopped: number;
  notified: number;
}): RunCounts {
  return {
    id: r.id,
    policyId: r.policy_id,
    version: r.version,
    trigger: r.trigger,
    asOf: String(r.as_of).slice(0, 10),
    startedAt: new Date(r.started_at).toISOString(),
    durationMs: r.duration_ms,
    population: r.population,
    matched: r.matched,
    newlyEligible: r.newly_eligible,
    stopped: r.stopped,
    notified: r.notified,
  };
}
