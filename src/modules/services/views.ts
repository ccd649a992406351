import { sql, type Selectable } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { availableActions, type Written } from '../../kernel/workflow/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { Applications, MaterialRef } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { clocksOf, timeStatus } from './deadlines.ts';
import type { ApplicationDetail, ApplicationView, QueueQuery } from './schema.ts';
import { servicesDb, type ServicesActionTable, type ServicesApplicationTable } from './tables.ts';
import { likeText, myActions, openScope, queueCounts } from './queues.ts';

/** An application as stored; the lists also say whether it has been evaluated. */
type Row = Selectable<ServicesApplicationTable> & { evaluated?: boolean };
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * Reading applications: the applicant's own list, the staff queue, and one application with its
 * whole history. Identifiers the platform filled in are shown masked to everyone; the platform has
 * verified them, so nobody needs to read them in clear.
 */
export class ApplicationViews {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: Catalogue,
    private readonly names: DepartmentNames,
    private readonly apps: Applications,
  ) {}

  private async views(rows: Row[]): Promise<ApplicationView[]> {
    const depts = await this.names.of(rows.map((r) => r.department_id));
    const deptsEn = await this.names.ofEn(rows.map((r) => r.department_id));
    const now = this.k.clock.now();
    const out: ApplicationView[] = [];
    for (const r of rows) {
      const v = await this.catalogue.version(r.item_version_id);
      const st = v.content.workflow.states[r.state] ?? { zh: r.state, en: r.state };
      const clocks = clocksOf(r);
      out.push({
        id: r.id,
        number: r.number,
        regionCode: r.region_code,
        itemId: r.item_id,
        itemName: v.content.name,
        itemNameEn: v.content.nameEn ?? null,
        itemVersion: v.version,
        departmentId: r.department_id,
        departmentName: depts.get(r.department_id) ?? '',
        departmentNameEn: deptsEn.get(r.department_id) ?? null,
        applicantName: r.applicant_name,
        enterpriseName: r.enterprise_name,
        channel: r.channel,
        state: r.state,
        stateName: { zh: st.zh, en: st.en },
        outcome: r.outcome,
        submittedAt: iso(r.submitted_at)!,
        dueAt: iso(r.due_at),
        stepDueAt: iso(r.step_due_at),
        paused: !!r.paused_at,
        timeStatus: timeStatus(r.open, clocks, now),
        assigneeName: r.assignee_name,
        version: r.version,
        evaluated: r.evaluated === true,
        bundleApplicationId: r.bundle_application_id ?? null,
      });
    }
    return out;
  }

  private withEvaluated() {
    return sql<boolean>`EXISTS (SELECT 1 FROM services_evaluation e WHERE e.application_id = a.id)`.as('evaluated');
  }

  /** Materials as stored, with each cited licence's current state (免证办: staff see it checked now, not when cited). */
  private async materialsOf(refs: MaterialRef[], names: Map<string, { name: string; nameEn?: string }>) {
    const ids = refs.flatMap((m) => (m.licenceId ? [m.licenceId] : []));
    const cited = ids.length && this.apps.licenceRefs ? await this.apps.licenceRefs.describe(ids) : new Map();
    return refs.map((m) => ({
      code: m.code,
      name: names.get(m.code)?.name ?? m.code,
      ...(names.get(m.code)?.nameEn ? { nameEn: names.get(m.code)!.nameEn } : {}),
      ...(m.fileId ? { fileId: m.fileId } : {}),
      ...(m.replacedBy ? { replacedBy: m.replacedBy } : {}),
      ...(m.licenceId ? { licenceId: m.licenceId, ...(cited.get(m.licenceId) ? { licence: cited.get(m.licenceId) } : {}) } : {}),
    }));
  }

  /**
   * One application with its history. `written`: what a write just answered (the row as it left
   * it and the whole history, see ActionLog.returningWritten), shown without reading them again;
   * an evaluation always logs an `evaluate` step, so the history says whether it was rated.
   */
  async detail(who: Principal, id: string, written?: Written<Row>): Promise<ApplicationDetail> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('application');
    const row = written
      ? { ...written.record, evaluated: written.history.some((h) => h.action === 'evaluate') }
      : await servicesDb(this.k.db).selectFrom('services_application as a').selectAll('a').select(this.withEvaluated()).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw Errors.notFound('application');
    if (!this.apps.canSee(who, row)) throw Errors.forbidden();
    const [view] = await this.views([row]);
    const v = await this.catalogue.version(row.item_version_id);
    const form = JSON.parse(this.k.crypto.decryptField(row.form_enc)) as Record<string, unknown>;
    for (const [field, key] of Object.entries(v.content.form.prefill ?? {})) {
      if (typeof form[field] !== 'string') continue;
      if (key === 'person.idNumber') form[field] = maskCitizenId(form[field] as string);
      if (key === 'person.phone') form[field] = maskAddress(form[field] as string);
    }
    const names = new Map(v.content.materials.map((m) => [m.code, { name: m.name, nameEn: m.nameEn }]));
    const history = written
      ? (written.history as unknown as Selectable<ServicesActionTable>[])
      : await servicesDb(this.k.db).selectFrom('services_action').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute();
    const def = v.content.workflow;
    const actor = who.type === 'staff' ? { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId } : { kind: 'applicant' as const, roles: [], departmentId: null };
    const label = (code: string) => {
      const a = def.actions.find((x) => x.code === code);
      if (a) return { zh: a.zh, en: a.en };
      return (
        {
          submit: { zh: '提交申请', en: 'Submitted' },
          instant_check: { zh: '秒批未通过，转人工办理', en: 'Not cleared by rule; passed to a person' },
          claim: { zh: '认领', en: 'Claimed' },
          release: { zh: '释放', en: 'Released' },
          evaluate: { zh: '评价', en: 'Rated' },
        }[code] ?? {
          zh: code,
          en: code,
        }
      );
    };
    // Staff are offered only what they may take now: 审批分离 and someone else's claim hold steps back.
    const staffActions = who.type === 'staff' ? (await myActions(this.k, this.catalogue, who, [row], history)).get(row.id) : undefined;
    const props = ((v.content.form.schema as { properties?: Record<string, { title?: unknown }> }).properties ?? {}) as Record<string, { title?: unknown; 'x-title-en'?: unknown }>;
    return {
      ...view,
      form,
      formTitles: Object.fromEntries(Object.entries(props).map(([k, p]) => [k, typeof p?.title === 'string' ? p.title : k])),
      formTitlesEn: Object.fromEntries(Object.entries(props).flatMap(([k, p]) => (typeof p?.['x-title-en'] === 'string' ? [[k, p['x-title-en']]] : []))),
      materials: await this.materialsOf(row.materials as MaterialRef[], names),
      supplementItems: row.supplement_items as string[],
      resultFileId: row.result_file_id,
      delivery: row.delivery,
      workingDaysUsed: row.working_days_used,
      history: history.map((h) => ({
        action: h.action,
        actionName: label(h.action),
        fromState: h.from_state,
        toState: h.to_state,
        actorName: h.actor_name,
        actorType: h.actor_type,
        opinion: h.opinion,
        payload: h.payload,
        at: iso(h.at)!,
      })),
      actions: staffActions
        ? staffActions.filter((a) => a.code !== 'claim' && a.code !== 'release')
        : availableActions(def, row.state, actor, row.department_id).map((a) => ({ code: a.code, zh: a.zh, en: a.en, requires: a.requires ?? [] })),
      ...(staffActions ? { myActions: staffActions } : {}),
    };
  }

  /** The applicant's own applications (or, while acting for an enterprise, the enterprise's). */
  async mine(who: Principal, q: { limit?: number; after?: string }) {
    if (who.type !== 'person') throw Errors.forbidden();
    const limit = q.limit ?? 20;
    const after = decodeCursor(q.after, 2);
    let query = servicesDb(this.k.db).selectFrom('services_application as a').selectAll('a').select(this.withEvaluated());
    query = who.actingFor ? query.where('a.enterprise_id', '=', who.actingFor.enterpriseId) : query.where('a.applicant_account_id', '=', who.accountId).where('a.enterprise_id', 'is', null);
    if (after) query = query.where(sql<boolean>`(a.submitted_at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await query
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [iso(r.submitted_at)!, r.id]);
    return { items: await this.views(pg.items), next: pg.next };
  }

  /**
   * The staff queue: open applications in the states from which the caller may take a step (one
   * state when `state` names one of their queues), soonest deadline first; searchable by number or
   * name, filterable by item, day submitted and 预警 / 超期. Each row says what the caller may do now.
   */
  async queue(who: Principal, q: QueueQuery) {
    assertAllowed(this.policy, who, 'services.handle');
    const limit = q.limit ?? 50;
    const now = this.k.clock.now();
    const queues = (await queueCounts(this.k, this.catalogue, who)).map((x) => x.state);
    const states = q.state ? queues.filter((s) => s === q.state) : queues;
    if (states.length === 0) return { items: [], next: null };
    let query = openScope(
      servicesDb(this.k.db)
        .selectFrom('services_application as a')
        .selectAll('a')
        .select(this.withEvaluated())
        .select(sql<string>`coalesce(a.due_at, a.step_due_at, 'infinity'::timestamptz)`.as('sort_due')),
      who,
    ).where('a.state', 'in', states);
    if (q.mine) query = query.where('a.assignee_id', '=', who.accountId);
    if (q.itemId) query = query.where('a.item_id', '=', q.itemId);
    if (q.q) {
      const text = likeText(q.q.trim());
      query = query.where((eb) => eb.or([eb('a.number', 'ilike', text), eb('a.applicant_name', 'ilike', text), eb('a.enterprise_name', 'ilike', text)]));
    }
    // Days are China time: a day runs from 00:00 +08:00.
    if (q.from) query = query.where('a.submitted_at', '>=', new Date(`${q.from}T00:00:00+08:00`));
    if (q.to) query = query.where('a.submitted_at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000));
    const due = sql`coalesce(a.due_at, a.step_due_at)`;
    if (q.timeStatus === 'overdue') query = query.where('a.paused_at', 'is', null).where(sql<boolean>`(a.overdue OR ${due} < ${now})`);
    if (q.timeStatus === 'warning')
      query = query.where('a.paused_at', 'is', null).where(sql<boolean>`NOT a.overdue AND ${due} >= ${now} AND coalesce(a.warn_at, a.step_due_at - interval '1 day') < ${now}`);
    const after = decodeCursor(q.after, 2);
    if (after) query = query.where(sql<boolean>`(coalesce(a.due_at, a.step_due_at, 'infinity'::timestamptz), a.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await query
      .orderBy(sql`coalesce(a.due_at, a.step_due_at, 'infinity'::timestamptz)`)
      .orderBy('a.id')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [String(r.sort_due) === 'infinity' || !Number.isFinite(new Date(r.sort_due).getTime()) ? 'infinity' : iso(r.sort_due)!, r.id]);
    const mine = await myActions(this.k, this.catalogue, who, pg.items);
    return { items: (await this.views(pg.items)).map((v) => ({ ...v, myActions: mine.get(v.id) ?? [] })), next: pg.next };
  }

  /** The caller's queues with their counts (one grouped query). */
  async queues(who: Principal) {
    assertAllowed(this.policy, who, 'services.handle');
    return queueCounts(this.k, this.catalogue, who);
  }
}
