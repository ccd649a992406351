import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { amountOf, evaluate, type ConditionTrace } from '../../kernel/rules/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import { ProactiveErrors } from './errors.ts';
import type { LoadedPolicy, Policies } from './policies.ts';
import { asOfDay, type FactsPort, type IdentityPort } from './ports.ts';
import type { Runs } from './runs.ts';
import type { ConfirmInput } from './schema.ts';
import { proactiveDb } from './tables.ts';

/** A bank account shown as its last four digits only. */
export const maskAccount = (n: string) => `****${n.slice(-4)}`;

/**
 * What residents and enterprises do with what was found for them (confirm with an account, or
 * decline; see 您可能符合 with the reasons), what officials record (payment batches), and the
 * one-subject check with its explanation.
 */
export class Benefits {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly facts: FactsPort,
    private readonly identity: IdentityPort,
    private readonly policies: Policies,
    private readonly runs: Runs,
    private readonly names: DepartmentNames,
  ) {}

  private async keysOf(who: Principal): Promise<string[]> {
    if (who.type !== 'person') return [];
    const k = await this.identity.keysOf(who.accountId, who.actingFor?.creditCode ?? null);
    return [k.person, k.entity].filter((x): x is string => !!x);
  }

  private cache = new Map<string, LoadedPolicy>();
  private async version(policyId: string, versionId: string, ex: Executor = this.k.db): Promise<LoadedPolicy> {
    const hit = this.cache.get(versionId);
    if (hit) return hit;
    const v = await proactiveDb(ex).selectFrom('proactive_policy_version').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    const row = await this.policies.row(policyId, ex);
    const { node, tiers } = this.policies.check(v.definition);
    const p = { row, versionId, version: v.version, def: v.definition, node, tiers };
    this.cache.set(versionId, p);
    return p;
  }

  /** The conditions as they stand now for this subject (the explanation a resident sees). */
  private async conditions(p: LoadedPolicy, key: string): Promise<ConditionTrace[]> {
    const v = await this.facts.valuesOf(p.def.subject, { key }, asOfDay(this.k.clock.now()));
    return v ? evaluate(p.node, v.values).conditions : [];
  }

  async mine(who: Principal) {
    const keys = await this.keysOf(who);
    if (!keys.length) return [];
    const rows = await proactiveDb(this.k.db).selectFrom('proactive_benefit').selectAll().where('subject_key', 'in', keys).orderBy('created_at', 'desc').limit(100).execute();
    const payments = rows.length
      ? await proactiveDb(this.k.db)
          .selectFrom('proactive_payment_line as l')
          .innerJoin('proactive_payment as p', 'p.id', 'l.payment_id')
          .select(['l.benefit_id', 'p.period', 'l.amount_fen'])
          .where(
            'l.benefit_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('p.period')
          .execute()
      : [];
    const out = [];
    for (const r of rows) {
      const p = await this.version(r.policy_id, r.version_id);
      const dept = (await this.names.of([p.row.department_id])).get(p.row.department_id) ?? '';
      out.push({
        id: r.id,
        policy: this.policies.card(p, dept),
        state: r.state,
        amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
        period: p.def.period,
        paysMoney: !!p.def.amount,
        accountMasked: r.account_masked,
        declineReason: r.decline_reason,
        stopReason: r.stop_reason,
        conditions: r.state === 'stopped' ? (r.stop_reason?.conditions ?? []) : await this.conditions(p, r.subject_key),
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        payments: payments.filter((x) => x.benefit_id === r.id).map((x) => ({ period: x.period, amountFen: Number(x.amount_fen) })),
      });
    }
    return out;
  }

  /** The caller's own benefit, or 404 (another person's benefit is not found, not forbidden). */
  private async own(keys: string[], id: string, ex: Executor) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw ProactiveErrors.notFound('benefit');
    const r = await proactiveDb(ex).selectFrom('proactive_benefit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r || !keys.includes(r.subject_key)) throw ProactiveErrors.notFound('benefit');
    return r;
  }

  async confirm(who: Principal, id: string, input: ConfirmInput, requestId?: string) {
    const keys = await this.keysOf(who);
    return this.k.db.transaction().execute(async (trx) => {
      const r = await this.own(keys, id, trx);
      if (r.state !== 'offered') throw ProactiveErrors.notInState(r.state);
      const p = await this.version(r.policy_id, r.version_id, trx);
      if (p.def.amount && !input.account) throw ProactiveErrors.accountRequired();
      const acc = p.def.amount && input.account ? input.account : null;
      const now = this.k.clock.now();
      const main = proactiveDb(trx)
        .updateTable('proactive_benefit')
        .set({
          state: 'confirmed',
          account_enc: acc ? this.k.crypto.encryptField(JSON.stringify(acc)) : null,
          account_masked: acc ? `${acc.bank} ${maskAccount(acc.number)}` : null,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('state', '=', 'offered')
        .returning('id');
      const done = await this.k.tracedWrite(trx, main, {
        actor: actorOf(who),
        action: 'confirmed',
        objectType: 'proactive.benefit',
        objectId: id,
        regionCode: r.region_code,
        change: { state: 'confirmed', account: acc ? maskAccount(acc.number) : null },
        summary: { policyId: r.policy_id },
        event: false,
        requestId,
      });
      if (!done.length) throw ProactiveErrors.notInState(r.state);
      await this.runs.logActions(trx, [id], 'confirmed', 'offered', 'confirmed', actorOf(who), null, acc ? { account: maskAccount(acc.number) } : {});
      return { id, state: 'confirmed' as const };
    });
  }

  async decline(who: Principal, id: string, reason: string | undefined, requestId?: string) {
    const keys = await this.keysOf(who);
    return this.k.db.transaction().execute(async (trx) => {
      const r = await this.own(keys, id, trx);
      if (r.state !== 'offered') throw ProactiveErrors.notInState(r.state);
      const main = proactiveDb(trx)
        .updateTable('proactive_benefit')
        .set({ state: 'declined', decline_reason: reason?.trim() || null, updated_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'offered')
        .returning('id');
      const done = await this.k.tracedWrite(trx, main, {
        actor: actorOf(who),
        action: 'declined',
        objectType: 'proactive.benefit',
        objectId: id,
        regionCode: r.region_code,
        change: { state: 'declined', reason: reason ?? null },
        summary: { policyId: r.policy_id },
        event: false,
        requestId,
      });
      if (!done.length) throw ProactiveErrors.notInState(r.state);
      await this.runs.logActions(trx, [id], 'declined', 'offered', 'declined', actorOf(who), null, { reason: reason ?? null });
      return { id, state: 'declined' as const };
    });
  }

  /** 您可能符合: open matches of application-mode policies, with the conditions that hold and the item to apply for. */
  async myMatches(who: Principal, itemLink: (code: string) => Promise<string | null>) {
    const keys = await this.keysOf(who);
    if (!keys.length) return [];
    const rows = await proactiveDb(this.k.db)
      .selectFrom('proactive_match')
      .selectAll()
      .where('subject_key', 'in', keys)
      .where('state', '<>', 'withdrawn')
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    const out = [];
    for (const r of rows) {
      const p = await this.version(r.policy_id, r.version_id);
      const dept = (await this.names.of([p.row.department_id])).get(p.row.department_id) ?? '';
      const code = p.def.itemCode ?? null;
      out.push({
        id: r.id,
        policy: this.policies.card(p, dept),
        state: r.state,
        reasons: await this.conditions(p, r.subject_key),
        itemCode: code,
        applyLink: code ? await itemLink(code) : null,
        createdAt: new Date(r.created_at).toISOString(),
      });
    }
    return out;
  }

  /** A one-subject check with its explanation: not in the base data → not_found; missing facts → unknown; never a grant. */
  async check(who: Principal, input: { policyId: string; idNumber?: string; creditCode?: string }) {
    const row = await this.policies.row(input.policyId);
    if (!this.policy.can(who, 'proactive.read', { regionCode: row.region_code })) throw Errors.forbidden();
    const p = await this.policies.load(input.policyId, 'newest');
    const ref = p.def.subject === 'person' ? (input.idNumber ? { idNumber: input.idNumber.toUpperCase() } : null) : input.creditCode ? { creditCode: input.creditCode.toUpperCase() } : null;
    if (!ref) throw ProactiveErrors.subjectRequired();
    const v = await this.facts.valuesOf(p.def.subject, ref, asOfDay(this.k.clock.now()));
    if (!v) return { result: 'not_found' as const, name: null, idMasked: null, conditions: [], amountFen: null, version: p.version };
    const e = evaluate(p.node, v.values);
    return {
      result: e.result === true ? ('eligible' as const) : e.result === false ? ('not_eligible' as const) : ('unknown' as const),
      name: v.name,
      idMasked: v.idMasked,
      conditions: e.conditions,
      amountFen: e.result === true && p.tiers ? amountOf(p.tiers, v.values) : null,
      version: p.version,
    };
  }

  /** 发放: one batch per policy and period over its confirmed (or already paid) benefits that pay money. */
  async recordPayment(who: Principal, policyId: string, period: string, requestId?: string) {
    const row = await this.policies.row(policyId);
    if (!this.policy.can(who, 'proactive.manage', { regionCode: row.region_code, departmentId: row.department_id })) throw Errors.forbidden();
    return this.k.db.transaction().execute(async (trx) => {
      const db = proactiveDb(trx);
      const exists = await db.selectFrom('proactive_payment').select('id').where('policy_id', '=', policyId).where('period', '=', period).executeTakeFirst();
      if (exists) throw ProactiveErrors.paymentExists();
      const due = await db
        .selectFrom('proactive_benefit')
        .select(['id', 'amount_fen', 'state'])
        .where('policy_id', '=', policyId)
        .where('state', 'in', ['confirmed', 'paid'])
        .where('amount_fen', 'is not', null)
        .forUpdate()
        .execute();
      const id = uuidv7();
      const total = due.reduce((s, b) => s + Number(b.amount_fen), 0);
      const now = this.k.clock.now();
      await db
        .insertInto('proactive_payment')
        .values({ id, policy_id: policyId, region_code: row.region_code, period, benefits: due.length, total_fen: total, recorded_by: who.accountId, recorded_at: now })
        .execute();
      for (let i = 0; i < due.length; i += 1000)
        await db
          .insertInto('proactive_payment_line')
          .values(due.slice(i, i + 1000).map((b) => ({ payment_id: id, benefit_id: b.id, amount_fen: Number(b.amount_fen) })))
          .execute();
      const first = due.filter((b) => b.state === 'confirmed').map((b) => b.id);
      if (first.length) {
        await db.updateTable('proactive_benefit').set({ state: 'paid', updated_at: now }).where('id', 'in', first).execute();
        await this.runs.logActions(trx, first, 'paid', 'confirmed', 'paid', actorOf(who), null, { paymentId: id, period });
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'paid',
        objectType: 'proactive.payment',
        objectId: id,
        regionCode: row.region_code,
        change: { policyId, period, benefits: due.length, totalFen: total },
        summary: { policyId, period, benefits: due.length },
        event: false,
        requestId,
      });
      return { id, policyId, period, benefits: due.length, totalFen: total, recordedAt: now.toISOString() };
    });
  }

  async payments(who: Principal, policyId: string) {
    const row = await this.policies.row(policyId);
    if (!this.policy.can(who, 'proactive.read', { regionCode: row.region_code })) throw Errors.forbidden();
    const rows = await proactiveDb(this.k.db).selectFrom('proactive_payment').selectAll().where('policy_id', '=', policyId).orderBy('period', 'desc').limit(120).execute();
    return rows.map((r) => ({ id: r.id, policyId, period: r.period, benefits: r.benefits, totalFen: Number(r.total_fen), recordedAt: new Date(r.recorded_at).toISOString() }));
  }

  /**
   * The items published 政策找人 policies of the application mode name (by code): one read per
   * transaction (an outbox batch asks once for all its events, as if they had been delivered at the
   * moment of the read), the versions cached. Most applications are for none of them and need
   * nothing more.
   */
  applicationItems(trx: Executor): Promise<Set<string>> {
    if (!trx.isTransaction) return this.readApplicationItems(trx);
    let items = this.itemsRead.get(trx);
    if (!items) {
      items = this.readApplicationItems(trx);
      this.itemsRead.set(trx, items);
      // A failed read is not kept: the next event of the batch reads again.
      items.catch(() => this.itemsRead.delete(trx));
    }
    return items;
  }
  private readonly itemsRead = new WeakMap<Executor, Promise<Set<string>>>();

  private async readApplicationItems(trx: Executor): Promise<Set<string>> {
    const policies = await proactiveDb(trx)
      .selectFrom('proactive_policy')
      .select(['id', 'published_version_id'])
      .where('mode', '=', 'application')
      .where('published_version_id', 'is not', null)
      .execute();
    const codes = new Set<string>();
    for (const pol of policies) {
      const code = (await this.version(pol.id, pol.published_version_id!, trx)).def.itemCode;
      if (code) codes.add(code);
    }
    return codes;
  }

  /**
   * 政策找人 → 办件: an application for a policy's item by a matched subject moves the match to
   * applied, and its approval to granted (wired by src/flows/matches-on-applications.ts).
   */
  async applicationStep(trx: Executor, a: { itemCode: string; applicationId: string; keys: string[]; step: 'applied' | 'granted' }) {
    if (!a.keys.length) return 0;
    const policies = await proactiveDb(trx).selectFrom('proactive_policy').select(['id', 'published_version_id', 'region_code']).where('mode', '=', 'application').execute();
    let n = 0;
    for (const pol of policies) {
      if (!pol.published_version_id) continue;
      const p = await this.version(pol.id, pol.published_version_id, trx);
      if (p.def.itemCode !== a.itemCode) continue;
      const from = a.step === 'applied' ? ['matched'] : ['matched', 'applied'];
      const main = proactiveDb(trx)
        .updateTable('proactive_match')
        .set({ state: a.step, application_id: a.applicationId, updated_at: this.k.clock.now() })
        .where('policy_id', '=', pol.id)
        .where('subject_key', 'in', a.keys)
        .where('state', 'in', from as ('matched' | 'applied')[])
        .returning('id');
      const done = await this.k.tracedWrite(trx, main, {
        actor: { id: 'system', type: 'system' },
        action: a.step,
        objectType: 'proactive.match',
        objectId: pol.id,
        regionCode: pol.region_code,
        change: { applicationId: a.applicationId, itemCode: a.itemCode },
        event: false,
      });
      n += done.length;
    }
    return n;
  }
}

/** Kept for the SQL-vs-memory agreement check in tests: the count of a policy's live benefits. */
export async function liveBenefits(k: Kernel, policyId: string): Promise<number> {
  const r = await proactiveDb(k.db)
    .selectFrom('proactive_benefit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('policy_id', '=', policyId)
    .where('state', '<>', 'stopped')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
