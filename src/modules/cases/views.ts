import { sql } from 'kysely';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { decodeCursor, MAX_PAGE, pageOf } from '../../kernel/paging/index.ts';
import { matchesQuery } from '../../kernel/search/index.ts';
import { availableActions } from '../../kernel/workflow/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { Categories } from './categories.ts';
import type { CaseRow, Handling } from './handling.ts';
import { dispatcherOf } from './records.ts';
import type { CaseSummary } from './schema.ts';
import { caseSettings } from './settings.ts';
import type { CaseWorkflows } from './workflows.ts';
import { casesDb } from './tables.ts';
import { bulkCaseAction, caseActionsOf, caseQueues, revealCaller, type RevealPurpose } from './queues.ts';

export interface CaseQuery {
  scope?: 'region' | 'unit' | 'mine';
  state?: string;
  open?: boolean;
  overdue?: boolean;
  supervised?: boolean;
  categoryCode?: string;
  streetCode?: string;
  q?: string;
  /** A caller's number, matched by its keyed hash (never by decrypting): only in a request body. */
  phone?: string;
  limit?: number;
  after?: string;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** Masks a phone for display: 139****0001. Full numbers are shown only to the centre. */
export function maskPhone(p: string): string {
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

/** Reading cases: lists and inboxes (one indexed query each), a case with its history, caller history. */
export class CaseViews {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly names: DepartmentNames,
    private readonly grids: Grids,
    private readonly categories: Categories,
    private readonly handling: Handling,
    private readonly workflows: CaseWorkflows,
  ) {}

  async summaries(rows: CaseRow[]): Promise<CaseSummary[]> {
    const names = await this.names.of(rows.flatMap((r) => (r.handling_department_id ? [r.handling_department_id] : [])));
    const cats = new Map((await this.categories.list()).map((c) => [c.code, c.name]));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      channel: r.channel,
      kind: r.kind,
      urgency: r.urgency,
      title: r.title,
      state: r.state,
      open: r.open,
      categoryCode: r.category_code,
      categoryName: r.category_code ? (cats.get(r.category_code) ?? null) : null,
      handlingDepartmentId: r.handling_department_id,
      handlingDepartmentName: r.handling_department_id ? names.get(r.handling_department_id) || null : null,
      streetCode: r.street_code,
      gridCode: r.grid_code,
      address: r.address,
      createdAt: iso(r.created_at)!,
      responseDueAt: iso(r.response_due_at),
      dueAt: iso(r.due_at),
      overdue: r.overdue,
      supervisionLevel: r.supervision_level,
      extensionStatus: r.extension_status,
      duplicates: r.duplicates,
      version: r.version,
    }));
  }

  /**
   * Lists newest first. `region`: every case of the region (centre, leaders); `unit`: cases the
   * caller's department handles now; `mine`: a person's own reports.
   */
  async list(who: Principal, q: CaseQuery) {
    const limit = Math.min(q.limit ?? 50, MAX_PAGE);
    const after = decodeCursor(q.after, 2);
    let query = casesDb(this.k.db).selectFrom('cases_case').selectAll();
    const scope = q.scope ?? (who.type === 'person' ? 'mine' : this.policy.can(who, 'cases.view', { regionCode: this.k.config.regionCode }) ? 'region' : 'unit');
    if (scope === 'mine') {
      if (who.type !== 'person') throw Errors.validation([{ path: '/scope', message: 'only for residents / 仅限群众查看本人诉求' }]);
      query = query.where('caller_account_id', '=', who.accountId);
    } else if (scope === 'region') {
      assertAllowed(this.policy, who, 'cases.view', { regionCode: this.k.config.regionCode });
      query = query.where('region_code', '=', this.k.config.regionCode);
    } else {
      // Units work in their own area (a street office's region lies below the case's); the department decides.
      // A unit's inbox also holds the cases it sent down that came back to it as a 退单 to review.
      assertAllowed(this.policy, who, 'cases.handle', { departmentId: who.departmentId });
      query = query
        .where((eb) =>
          eb.or([
            eb('handling_department_id', '=', who.departmentId),
            eb.and([eb('state', '=', 'return_review'), eb(sql<string>`dispatch_chain[cardinality(dispatch_chain)]`, '=', who.departmentId)]),
          ]),
        )
        .where('open', '=', true);
    }
    if (q.state) query = query.where('state', '=', q.state);
    if (q.open !== undefined) query = query.where('open', '=', q.open);
    if (q.overdue) query = query.where('overdue', '=', true);
    if (q.supervised) query = query.where('supervision_level', '>', 0);
    if (q.categoryCode) query = query.where('category_code', 'like', `${q.categoryCode}%`);
    if (q.streetCode) query = query.where('street_code', '=', q.streetCode);
    if (q.q) query = query.where(matchesQuery('search', q.q));
    if (q.phone) query = query.where('caller_phone_index', '=', this.k.crypto.blindIndex(q.phone));
    if (after) query = query.where(sql<boolean>`(created_at, id) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [iso(r.created_at)!, r.id]);
    const mine = await caseActionsOf(this.workflows, who, page.items);
    return { items: (await this.summaries(page.items)).map((c) => (who.type === 'staff' ? { ...c, myActions: mine.get(c.id) ?? [] } : c)), next: page.next };
  }

  /** The caller's queues with counts (待派单, 待签收, 办理中, 待回访, 退单待审, 待督办 …), from the workflow. */
  queues(who: Principal) {
    return caseQueues(this.k, this.policy, this.workflows, who);
  }

  /** 查看完整号码, recorded in the audit ledger. */
  revealCaller(who: Principal, id: string, purpose: RevealPurpose, requestId?: string) {
    return revealCaller(this.k, this.policy, this.handling, who, id, purpose, requestId);
  }

  /** 批量签收 through the action engine, one result per case. */
  bulk(who: Principal, ids: readonly string[], action: string, requestId?: string) {
    return bulkCaseAction(this.handling, who, ids, action, requestId);
  }

  async detail(who: Principal, id: string) {
    const row = await this.handling.visibleRow(who, id);
    const [summary] = await this.summaries([row]);
    const def = await this.workflows.get(row.workflow_version);
    const staffView = who.type === 'staff';
    const centre = this.policy.can(who, 'cases.view', { regionCode: row.region_code });
    const history = await casesDb(this.k.db).selectFrom('cases_action').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute();
    const names = await this.names.of([...history.map((h) => h.department_id), ...row.helper_department_ids].filter((d): d is string => !!d));
    const phone = row.caller_phone_enc ? this.k.crypto.decryptField(row.caller_phone_enc) : null;
    // Units see the caller's name and a masked number; in a 保密件 both stay with the centre.
    const own = who.type === 'person' && row.caller_account_id === who.accountId;
    const showCaller = centre || own || (staffView && !row.confidential);
    // Calls from one number within the region's window, at or above its threshold, flag a repeat caller.
    const repeatRule = (await caseSettings(this.k.settings, row.region_code)).repeatCaller;
    const repeat = row.caller_phone_index ? await this.callsFrom(row.caller_phone_index, repeatRule.days) : 0;
    const actor = staffView ? { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId } : { kind: 'applicant' as const, roles: [], departmentId: null };
    const place = row.lon != null && row.lat != null ? await this.grids.locate(row.lon, row.lat) : null;
    return {
      ...summary,
      workflowVersion: row.workflow_version,
      stateLabel: { zh: def.states[row.state]?.zh ?? row.state, en: def.states[row.state]?.en ?? row.state },
      content: row.content,
      callerName: showCaller && row.caller_name_enc ? this.k.crypto.decryptField(row.caller_name_enc) : null,
      // Staff see the number masked; whoever must call back asks for it in full, and that is recorded.
      callerPhone: phone && showCaller ? (own ? phone : maskPhone(phone)) : null,
      canRevealPhone: !!phone && staffView && (centre || (!row.confidential && row.handling_department_id === who.departmentId)),
      confidential: row.confidential,
      lon: row.lon,
      lat: row.lat,
      streetName: place?.streetName ?? null,
      photoIds: row.photo_ids,
      suggestions: staffView ? row.suggestions : [],
      tookFirst: row.took_first,
      helperDepartments: (row.helper_department_ids as string[]).map((h) => ({ id: h, name: names.get(h) || h })),
      dispatcherDepartmentId: dispatcherOf(row),
      acceptedAt: iso(row.accepted_at),
      repliedAt: iso(row.replied_at),
      closedAt: iso(row.closed_at),
      answer: row.answer,
      reply: row.reply,
      replyPhotoIds: row.reply_photo_ids,
      solved: row.solved,
      satisfaction: row.satisfaction,
      reopenCount: row.reopen_count,
      returns: row.returns,
      extensionDays: row.extension_days,
      duplicateOf: row.duplicate_of,
      repeatCaller: repeat >= repeatRule.calls,
      actions: row.open
        ? availableActions(def, row.state, actor, { handling: row.handling_department_id, dispatcher: dispatcherOf(row) }).map((a) => ({
            code: a.code,
            zh: a.zh,
            en: a.en,
            requires: a.requires ?? [],
          }))
        : [],
      history: history.map((h) => ({
        action: h.action,
        fromState: h.from_state,
        toState: h.to_state,
        // Residents see which unit acted, not the names of staff.
        actorName: staffView || h.actor_type === 'person' ? h.actor_name : h.department_id ? (names.get(h.department_id) ?? '') : '',
        actorType: h.actor_type,
        departmentName: h.department_id ? names.get(h.department_id) || null : null,
        opinion: h.opinion,
        payload: h.payload,
        at: iso(h.at)!,
      })),
    };
  }

  private async callsFrom(phoneIndex: string, days: number): Promise<number> {
    const since = new Date(this.k.clock.now().getTime() - days * 86_400_000);
    const r = await casesDb(this.k.db)
      .selectFrom('cases_case')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('caller_phone_index', '=', phoneIndex)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** 来电历史: a number's earlier cases, for the agent while the call is on. The number never goes in a URL. */
  async callerHistory(who: Principal, phone: string) {
    assertAllowed(this.policy, who, 'cases.intake', { regionCode: this.k.config.regionCode });
    const index = this.k.crypto.blindIndex(phone);
    const rows = await casesDb(this.k.db).selectFrom('cases_case').selectAll().where('caller_phone_index', '=', index).orderBy('created_at', 'desc').limit(20).execute();
    const rule = (await caseSettings(this.k.settings, this.k.config.regionCode)).repeatCaller;
    const recent = await this.callsFrom(index, rule.days);
    const name = rows.find((r) => r.caller_name_enc)?.caller_name_enc;
    return { callerName: name ? this.k.crypto.decryptField(name) : null, repeatCaller: recent >= rule.calls, callsInWindow: recent, windowDays: rule.days, cases: await this.summaries(rows) };
  }

  /** 督办看板: open cases by urgency of attention, with counts per group. */
  async board(who: Principal) {
    assertAllowed(this.policy, who, 'cases.supervise', { regionCode: this.k.config.regionCode });
    const now = this.k.clock.now();
    // "Due soon" is the region's reminder window, so the board and the automatic 催办 agree.
    const soon = new Date(now.getTime() + (await caseSettings(this.k.settings, this.k.config.regionCode)).deadlines.remindBeforeHours * 3600_000);
    const base = casesDb(this.k.db).selectFrom('cases_case').where('region_code', '=', this.k.config.regionCode).where('open', '=', true);
    const counts = await base
      .select([
        sql<number>`count(*) FILTER (WHERE state = 'registered')::int`.as('registered'),
        sql<number>`count(*) FILTER (WHERE state = 'dispatched' AND response_due_at < ${now})::int`.as('unsigned_late'),
        sql<number>`count(*) FILTER (WHERE overdue)::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE NOT overdue AND due_at < ${soon})::int`.as('due_soon'),
        sql<number>`count(*) FILTER (WHERE supervision_level > 0)::int`.as('supervised'),
        sql<number>`count(*) FILTER (WHERE extension_status = 'pending')::int`.as('extensions'),
        sql<number>`count(*) FILTER (WHERE state = 'return_review')::int`.as('returns'),
        sql<number>`count(*)::int`.as('open'),
      ])
      .executeTakeFirstOrThrow();
    const attention = await base
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('overdue', '=', true),
          eb('due_at', '<', soon),
          eb('supervision_level', '>', 0),
          eb('extension_status', '=', 'pending'),
          eb('state', '=', 'return_review'),
          eb.and([eb('state', '=', 'dispatched'), eb('response_due_at', '<', now)]),
        ]),
      )
      .orderBy('overdue', 'desc')
      .orderBy('due_at')
      .limit(100)
      .execute();
    return { counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), cases: await this.summaries(attention) };
  }
}
