import { sql, type SelectQueryBuilder } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { availableActions, type WorkflowActor } from '../../kernel/workflow/index.ts';
import { actsAcrossDepartments } from '../org/index.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Applications, AppRow } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { assertSeparated, REVIEW_ACTIONS } from './separation.ts';
import { servicesDb } from './tables.ts';

/** A label in both languages. */
export interface Named {
  zh: string;
  en: string;
}

/** One queue a person works: the applications in one state from which they may take some step. */
export interface QueueCount extends Named {
  state: string;
  count: number;
  overdue: number;
}

/** An action a person may take on one application now (a workflow step, or 认领 / 释放). */
export interface MyAction extends Named {
  code: string;
  requires: string[];
}

const CLAIM: MyAction = { code: 'claim', zh: '认领', en: 'Claim', requires: [] };
const RELEASE: MyAction = { code: 'release', zh: '释放', en: 'Release', requires: [] };

export const staffActor = (who: Principal): WorkflowActor => ({ kind: 'staff', roles: who.roles, departmentId: who.departmentId });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AppQuery = SelectQueryBuilder<any, 'a', any>;

/** The applications a staff member's queues are drawn from: open, in their region, and (approvers) of their department. */
export function openScope<Q extends AppQuery>(query: Q, who: Principal): Q {
  let q = query.where('a.open', '=', true).where('a.region_code', 'like', `${who.regionCode}%`) as Q;
  if (!actsAcrossDepartments(who, 'services.handle')) q = q.where('a.department_id', '=', who.departmentId) as Q;
  return q;
}

/**
 * Which queues a person has, with counts. Nothing here names a role: for every (workflow version,
 * state, department) among the open applications in reach, the item's workflow says whether this
 * person may take some staff step from that state; the states where they may are their queues.
 * One grouped query, then the definitions (cached per version) decide.
 */
export async function queueCounts(k: Kernel, catalogue: Catalogue, who: Principal): Promise<QueueCount[]> {
  const now = k.clock.now();
  const groups = await openScope(servicesDb(k.db).selectFrom('services_application as a'), who)
    .select(['a.item_version_id', 'a.state', 'a.department_id'])
    .select(sql<number>`count(*)::int`.as('n'))
    .select(sql<number>`count(*) FILTER (WHERE a.paused_at IS NULL AND (a.overdue OR coalesce(a.due_at, a.step_due_at) < ${now}))::int`.as('late'))
    .groupBy(['a.item_version_id', 'a.state', 'a.department_id'])
    .execute();
  const actor = staffActor(who);
  const out = new Map<string, QueueCount>();
  for (const g of groups) {
    const def = (await catalogue.version(g.item_version_id)).content.workflow;
    if (!availableActions(def, g.state, actor, g.department_id).some((a) => a.actor === 'staff')) continue;
    const st = def.states[g.state] ?? { zh: g.state, en: g.state };
    const q = out.get(g.state) ?? { state: g.state, zh: st.zh, en: st.en, count: 0, overdue: 0 };
    q.count += Number(g.n);
    q.overdue += Number(g.late);
    out.set(g.state, q);
  }
  // The order of the path: earlier steps first, as a desk works through them.
  const order = ['submitted', 'supplement', 'review', 'review_supplement', 'decision', 'completed'];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...out.values()].sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

/**
 * What this person may do now with each application: the workflow's steps for their roles and
 * department, less a decision they may not take (审批分离), less everything while someone else has
 * claimed it; and 认领 / 释放 where a claim makes sense (open, and some step is theirs).
 */
export async function myActions(
  k: Kernel,
  catalogue: Catalogue,
  who: Principal,
  rows: AppRow[],
  /** The rows' steps when the caller has read them already (a detail has the whole history). */
  steps?: { application_id: string; action: string; actor_id: string }[],
): Promise<Map<string, MyAction[]>> {
  const out = new Map<string, MyAction[]>();
  if (who.type !== 'staff' || rows.length === 0) return out;
  const reviewed = steps
    ? steps.filter((s) => (REVIEW_ACTIONS as readonly string[]).includes(s.action))
    : await servicesDb(k.db)
        .selectFrom('services_action')
        .select(['application_id', 'actor_id'])
        .where(
          'application_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('action', 'in', REVIEW_ACTIONS)
        .execute();
  const actor = staffActor(who);
  for (const r of rows) {
    if (!r.open) {
      out.set(r.id, []);
      continue;
    }
    const v = await catalogue.version(r.item_version_id);
    const reviewers = new Set(reviewed.filter((x) => x.application_id === r.id).map((x) => x.actor_id));
    const steps = availableActions(v.content.workflow, r.state, actor, r.department_id).filter((a) => {
      if (a.actor !== 'staff') return false;
      try {
        assertSeparated(v.content, a, who, reviewers);
        return true;
      } catch {
        return false;
      }
    });
    const mine: MyAction[] = steps.map((a) => ({ code: a.code, zh: a.zh, en: a.en, requires: a.requires ?? [] }));
    if (r.assignee_id && r.assignee_id !== who.accountId) out.set(r.id, []);
    else if (r.assignee_id === who.accountId) out.set(r.id, [...mine, RELEASE]);
    else out.set(r.id, mine.length ? [CLAIM, ...mine] : []);
  }
  return out;
}

/** Escapes a person's text for LIKE, so `%` and `_` match themselves. */
export const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * 批量认领 / 释放: each application on its own through the same claim as one at a time (its policy,
 * its audit entry); one refused does not stop the rest, and each result is reported.
 */
export async function bulkClaim(apps: Applications, who: Principal, ids: readonly string[], release: boolean, requestId?: string) {
  const results = [];
  for (const id of ids) {
    try {
      await apps.claim(who, id, release, requestId);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ id, ok: false, code: err.code, status: err.status, zh: err.zh, en: err.en });
    }
  }
  return { results };
}
