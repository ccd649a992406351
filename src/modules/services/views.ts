import { sql, type Selectable } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { availableActions } from '../../kernel/workflow/index.ts';
import { actsAcrossDepartments } from '../org/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { Applications } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { clocksOf, timeStatus } from './deadlines.ts';
import type { ApplicationDetail, ApplicationView, QueueQuery } from './schema.ts';
import { servicesDb, type ServicesApplicationTable } from './tables.ts';

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
      });
    }
    return out;
  }

  private withEvaluated() {
    return sql<boolean>`EXISTS (SELECT 1 FROM services_evaluation e WHERE e.application_id = a.id)`.as('evaluated');
  }

  /** Materials as stored, with each cited licence's current state (免证办: staff see it checked now, not when cited). */
  private async materialsOf(refs: { code: string; fileId?: string; licenceId?: string }[], names: Map<string, { name: string; nameEn?: string }>) {
    const ids = refs.flatMap((m) => (m.licenceId ? [m.licenceId] : []));
    const cited = ids.length && this.apps.licenceRefs ? await this.apps.licenceRefs.describe(ids) : new Map();
    return refs.map((m) => ({
      code: m.code,
      name: names.get(m.code)?.name ?? m.code,
      ...(names.get(m.code)?.nameEn ? { nameEn: names.get(m.code)!.nameEn } : {}),
      ...(m.fileId ? { fileId: m.fileId } : {}),
      ...(m.licenceId ? { licenceId: m.licenceId, ...(cited.get(m.licenceId) ? { licence: cited.get(m.licenceId) } : {}) } : {}),
    }));
  }

  async detail(who: Principal, id: string): Promise<ApplicationDetail> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('application');
    const row = await servicesDb(this.k.db).selectFrom('services_application as a').selectAll('a').select(this.withEvaluated()).where('a.id', '=', id).executeTakeFirst();
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
    const history = await servicesDb(this.k.db).selectFrom('services_action').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute();
    const def = v.content.workflow;
    const actor = who.type === 'staff' ? { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId } : { kind: 'applicant' as const, roles: [], departmentId: null };
    const label = (code: string) => {
      const a = def.actions.find((x) => x.code === code);
      if (a) return { zh: a.zh, en: a.en };
      return (
        { submit: { zh: '提交申请', en: 'Submitted' }, claim: { zh: '认领', en: 'Claimed' }, release: { zh: '释放', en: 'Released' }, evaluate: { zh: '评价', en: 'Rated' } }[code] ?? {
          zh: code,
          en: code,
        }
      );
    };
    const props = ((v.content.form.schema as { properties?: Record<string, { title?: unknown }> }).properties ?? {}) as Record<string, { title?: unknown; 'x-title-en'?: unknown }>;
    return {
      ...view,
      form,
      formTitles: Object.fromEntries(Object.entries(props).map(([k, p]) => [k, typeof p?.title === 'string' ? p.title : k])),
      formTitlesEn: Object.fromEntries(Object.entries(props).flatMap(([k, p]) => (typeof p?.['x-title-en'] === 'string' ? [[k, p['x-title-en']]] : []))),
      materials: await this.materialsOf(row.materials as { code: string; fileId?: string; licenceId?: string }[], names),
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
      actions: availableActions(def, row.state, actor, row.department_id).map((a) => ({ code: a.code, zh: a.zh, en: a.en, requires: a.requires ?? [] })),
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
   * The staff queue: open applications of the caller's region (approvers: of their department),
   * soonest deadline first, filterable by step and by 预警 / 超期.
   */
  async queue(who: Principal, q: QueueQuery) {
    assertAllowed(this.policy, who, 'services.handle');
    const limit = q.limit ?? 50;
    const now = this.k.clock.now();
    let query = servicesDb(this.k.db)
      .selectFrom('services_application as a')
      .selectAll('a')
      .select(this.withEvaluated())
      .select(sql<string>`coalesce(a.due_at, a.step_due_at, 'infinity'::timestamptz)`.as('sort_due'))
      .where('a.open', '=', true)
      .where('a.region_code', 'like', `${who.regionCode}%`);
    if (!actsAcrossDepartments(who, 'services.handle')) query = query.where('a.department_id', '=', who.departmentId);
    if (q.state) query = query.where('a.state', '=', q.state);
    if (q.mine) query = query.where('a.assignee_id', '=', who.accountId);
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
    return { items: await this.views(pg.items), next: pg.next };
  }
}
