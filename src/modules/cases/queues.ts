import { sql } from 'kysely';
import { DomainError, Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { availableActions } from '../../kernel/workflow/index.ts';
import type { CaseRow, Handling } from './handling.ts';
import { dispatcherOf } from './records.ts';
import { casesDb } from './tables.ts';
import type { CaseWorkflows } from './workflows.ts';

/** One queue a person works: open cases in one state from which they may take a step; `supervise` is 待督办. */
export interface CaseQueue {
  state: string;
  zh: string;
  en: string;
  count: number;
  overdue: number;
}

/** The steps a unit may take on many cases at once: 签收 only, never a decision about a case. */
export const BULK_CASE_ACTIONS = ['accept'] as const;

/** Why a number is shown in full: to call back for the visit (回访) or while handling (办理). */
export const REVEAL_PURPOSES = ['visit_back', 'handling'] as const;
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];

const CaseQueueErrors = {
  callerHidden: () =>
    new DomainError('CASE_CALLER_HIDDEN', 403, '您不能查看该来电人的号码（保密件或非本单位承办）', 'You may not see this caller’s number (a confidential case, or not handled by your unit)'),
  noPhone: () => new DomainError('CASE_NO_PHONE', 409, '该工单没有来电号码', 'This case has no caller number'),
  notBulk: () => new DomainError('CASE_NOT_BULK_ACTION', 400, '只有签收可以批量办理', 'Only signing for cases can be done in bulk', [{ path: '/action', message: 'accept only / 仅限签收' }]),
};

/**
 * Queues of 12345 cases by job, derived from the case workflow and the caller's roles: for every
 * (workflow version, state, handling unit, dispatching unit) among the open cases in reach, the
 * definition says whether this person may take a staff step from that state. The centre's reach is
 * its region; a unit's is what it holds and what it sent down. Supervisors also get 待督办 (overdue,
 * not yet supervised).
 */
export async function caseQueues(k: Kernel, policy: Policy, workflows: CaseWorkflows, who: Principal): Promise<CaseQueue[]> {
  if (who.type !== 'staff') throw Errors.forbidden();
  const centre = policy.can(who, 'cases.view', { regionCode: k.config.regionCode });
  if (!centre && !policy.can(who, 'cases.handle', { departmentId: who.departmentId })) throw Errors.forbidden();
  const now = k.clock.now();
  const dispatcher = sql<string | null>`dispatch_chain[cardinality(dispatch_chain)]`;
  let q = casesDb(k.db).selectFrom('cases_case').where('open', '=', true);
  q = centre ? q.where('region_code', '=', k.config.regionCode) : q.where((eb) => eb.or([eb('handling_department_id', '=', who.departmentId), eb(dispatcher, '=', who.departmentId)]));
  const groups = await q
    .select(['workflow_version', 'state', 'handling_department_id'])
    .select(dispatcher.as('dispatcher'))
    .select(sql<number>`count(*)::int`.as('n'))
    .select(sql<number>`count(*) FILTER (WHERE overdue OR due_at < ${now})::int`.as('late'))
    .groupBy(['workflow_version', 'state', 'handling_department_id', sql`dispatch_chain[cardinality(dispatch_chain)]`])
    .execute();
  const actor = { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId };
  const out = new Map<string, CaseQueue>();
  for (const g of groups) {
    const def = await workflows.get(Number(g.workflow_version));
    const dispatcherId = g.dispatcher ? String(g.dispatcher) : null;
    if (!availableActions(def, g.state, actor, { handling: g.handling_department_id, dispatcher: dispatcherId }).some((a) => a.actor === 'staff')) continue;
    const st = def.states[g.state] ?? { zh: g.state, en: g.state };
    const e = out.get(g.state) ?? { state: g.state, zh: st.zh, en: st.en, count: 0, overdue: 0 };
    e.count += Number(g.n);
    e.overdue += Number(g.late);
    out.set(g.state, e);
  }
  const order = ['registered', 'dispatched', 'handling', 'return_review', 'replied'];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const queues = [...out.values()].sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
  if (policy.can(who, 'cases.supervise', { regionCode: k.config.regionCode })) {
    const r = await casesDb(k.db)
      .selectFrom('cases_case')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('region_code', '=', k.config.regionCode)
      .where('open', '=', true)
      .where('supervision_level', '=', 0)
      .where(sql<boolean>`(overdue OR due_at < ${now})`)
      .executeTakeFirstOrThrow();
    queues.push({ state: 'supervise', zh: '待督办', en: 'To supervise', count: Number(r.n), overdue: Number(r.n) });
  }
  return queues;
}

/** The staff steps a person may take on each case now (for the buttons of a list). */
export async function caseActionsOf(workflows: CaseWorkflows, who: Principal, rows: CaseRow[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (who.type !== 'staff') return out;
  const actor = { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId };
  for (const r of rows) {
    if (!r.open) {
      out.set(r.id, []);
      continue;
    }
    const def = await workflows.get(r.workflow_version);
    out.set(
      r.id,
      availableActions(def, r.state, actor, { handling: r.handling_department_id, dispatcher: dispatcherOf(r) })
        .filter((a) => a.actor === 'staff')
        .map((a) => a.code),
    );
  }
  return out;
}

/**
 * 批量签收: each case through the action engine on its own (its policy, state check, action row,
 * audit entry and event); one refused does not stop the rest, and each result is reported.
 */
export async function bulkCaseAction(handling: Handling, who: Principal, ids: readonly string[], action: string, requestId?: string) {
  if (!(BULK_CASE_ACTIONS as readonly string[]).includes(action)) throw CaseQueueErrors.notBulk();
  const results = [];
  for (const id of ids) {
    try {
      await handling.act(who, id, { action }, requestId);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ id, ok: false, code: err.code, status: err.status, zh: err.zh, en: err.en });
    }
  }
  return { results };
}

/**
 * 查看完整号码: the caller's number in full for whoever must call back — the centre (回访) or the
 * unit handling the case (办理), never a unit for a 保密件 — with the access written to the audit
 * ledger in the same transaction as the number is read.
 */
export async function revealCaller(k: Kernel, policy: Policy, handling: Handling, who: Principal, id: string, purpose: RevealPurpose, requestId?: string): Promise<{ phone: string }> {
  if (who.type !== 'staff') throw Errors.forbidden();
  const seen = await handling.visibleRow(who, id);
  const centre = policy.can(who, 'cases.view', { regionCode: seen.region_code });
  const unit = !seen.confidential && !!who.departmentId && seen.handling_department_id === who.departmentId && policy.can(who, 'cases.handle', { departmentId: who.departmentId });
  if (!centre && !unit) throw CaseQueueErrors.callerHidden();
  return k.db.transaction().execute(async (trx) => {
    const row = await casesDb(trx).selectFrom('cases_case').select(['caller_phone_enc', 'region_code']).where('id', '=', id).executeTakeFirstOrThrow();
    if (!row.caller_phone_enc) throw CaseQueueErrors.noPhone();
    await k.recordChange(trx, {
      actor: actorOf(who),
      action: 'caller_phone_revealed',
      objectType: 'cases.case',
      objectId: id,
      regionCode: row.region_code,
      change: { purpose, as: centre ? 'centre' : 'unit' },
      // Readable in the ledger without the number: who (the entry's actor), which case, and why.
      summary: { purpose },
      requestId,
      event: false,
    });
    return { phone: k.crypto.decryptField(row.caller_phone_enc) };
  });
}
