import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { DomainError, Errors } from '../../../kernel/http/errors.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, assertAllowed, regionWithin, type Policy, type Principal } from '../../../kernel/policy/index.ts';
import { WorkflowVersions, act, availableActions, stepActorOf, type RecordKind } from '../../../kernel/workflow/index.ts';
import type { OrgService } from '../../org/index.ts';
import type { RaiseTask } from '../ports.ts';
import { checkAssignment, type AssignmentInput, type CheckedAssignment } from './assignment.ts';
import { SupervisionErrors } from './errors.ts';
import { SUPERVISION_TASK_RAISED } from './events.ts';
import { lightOf, workingDaysLeft, type Light } from './lights.ts';
import { supervisionSettings } from './settings.ts';
import { readTask, taskRow, type TaskRow } from './store.ts';
import { supervisionDb } from './tables.ts';
import { TASK_LOG, TASK_WORKFLOW, taskKind, type TaskStepInput } from './workflow.ts';

export type SourceKind = RaiseTask['source']['kind'];

/** 立项 as the supervisor asks it; with `assign` the task is 交办 in the same step. */
export interface TaskInput {
  title: string;
  detail?: string;
  source: RaiseTask['source'];
  assign?: AssignmentInput;
}

/** A key-work list (年度重点工作): one reference, many tasks, each already 交办. */
export interface KeyWorkList {
  ref: string;
  label?: string;
  rows: { title: string; detail?: string; leadDepartmentId: string; helperDepartmentIds?: string[]; dueDate: string; milestones?: AssignmentInput['milestones'] }[];
}

export interface StepInput {
  text?: string;
  reason?: string;
  opinion?: string;
  progress?: number;
  evidence?: string[];
  expectedVersion?: number;
}

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * 督查督办 tasks: 立项 (by the supervisor, by another office area through the port, or a whole
 * key-work list), 交办 with a working-day deadline, and the lead unit's and supervisor's steps on
 * the kernel's action engine. Lights are computed when read, from the calendar and the region's
 * yellow threshold, so a moved clock or an edited holiday shows at once.
 */
export class SupervisionTasks {
  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<TaskRow, TaskStepInput>;

  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
  ) {
    this.workflows = new WorkflowVersions(k.db, 'office_supervision_workflow', TASK_WORKFLOW);
    this.kind = taskKind(k, policy, (id) => taskRow(k.db, id), this.workflows);
  }

  /** The port other areas call inside their own transaction (a meeting's decision, a 批办). */
  async raise(trx: Tx, who: Principal, input: RaiseTask): Promise<{ id: string }> {
    assertAllowed(this.policy, who, 'office.use', { regionCode: input.regionCode });
    if (!regionWithin(input.regionCode, who.regionCode)) throw Errors.forbidden();
    const a = await this.check(trx, input.regionCode, { leadDepartmentId: input.leadDepartmentId, helperDepartmentIds: input.helperDepartmentIds, dueDate: input.dueDate });
    return this.insert(trx, who, input.regionCode, { title: input.title, detail: input.detail, source: input.source }, a);
  }

  /** 立项 by the supervisor, 交办 at once when the unit and deadline are given. */
  async create(who: Principal, input: TaskInput, requestId?: string): Promise<{ id: string; number: string }> {
    const regionCode = this.supervisorRegion(who);
    return this.k.db.transaction().execute(async (trx) => {
      const a = input.assign ? await this.check(trx, regionCode, input.assign) : null;
      return this.insert(trx, who, regionCode, input, a, requestId);
    });
  }

  /**
   * A key-work list as many tasks in one call. Every row is checked first and every problem named
   * by its row; one bad row imports nothing, so a list is never half in.
   */
  async importList(who: Principal, list: KeyWorkList, requestId?: string): Promise<{ ids: string[] }> {
    const regionCode = this.supervisorRegion(who);
    return this.k.db.transaction().execute(async (trx) => {
      const checked: CheckedAssignment[] = [];
      const problems: { path: string; message: string }[] = [];
      for (const [i, row] of list.rows.entries()) {
        try {
          checked.push(await this.check(trx, regionCode, row, `/rows/${i}`));
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problems.push(
            ...(err.errors ?? [{ path: `/rows/${i}`, message: err.en }]).map((p) => ({ path: p.path.startsWith('/rows/') ? p.path : `/rows/${i}${p.path}`, message: `${err.zh} / ${err.en}` })),
          );
        }
      }
      if (problems.length) throw SupervisionErrors.importRows(problems);
      const ids: string[] = [];
      for (const [i, row] of list.rows.entries()) {
        const source = { kind: 'key_work' as const, ref: list.ref, label: list.label };
        ids.push((await this.insert(trx, who, regionCode, { title: row.title, detail: row.detail, source }, checked[i], requestId)).id);
      }
      return { ids };
    });
  }

  async assign(who: Principal, id: string, a: AssignmentInput & { expectedVersion?: number }, requestId?: string): Promise<{ state: string }> {
    const row = await taskRow(this.k.db, id);
    this.assertSees(who, row);
    const assignment = await this.check(this.k.db, row.region_code, a);
    const { to } = await act(this.k, this.kind, who, id, { action: 'assign', assignment, expectedVersion: a.expectedVersion }, requestId);
    return { state: to };
  }

  /** 签收, 阶段反馈, 办结报告, 核查 accept / return. */
  async step(who: Principal, id: string, action: 'sign' | 'feedback' | 'report' | 'accept' | 'return', input: StepInput, requestId?: string): Promise<{ state: string }> {
    const row = await taskRow(this.k.db, id);
    this.assertSees(who, row);
    if (input.evidence?.length) await this.checkFiles(input.evidence);
    const { to } = await act(this.k, this.kind, who, id, { ...input, action }, requestId);
    return { state: to };
  }

  /** One task as its page shows it: the light, the timeline and what the caller may do now. */
  async get(who: Principal, id: string) {
    const row = await taskRow(this.k.db, id);
    this.assertSees(who, row);
    const [view] = await this.views([row]);
    const def = await this.workflows.get(row.workflow_version);
    const actions = availableActions(def, row.state, { kind: 'staff', roles: who.roles, departmentId: who.departmentId }, row.lead_department_id)
      .filter((a) => !['assign', 'accept', 'return'].includes(a.code) || this.policy.can(who, 'office.supervise', { regionCode: row.region_code }))
      .map((a) => a.code);
    const steps = await TASK_LOG.history(this.k.db, id);
    const timeline = steps.map((s) => ({
      at: new Date(s.at as Date).toISOString(),
      action: String(s.action),
      from: (s.from_state as string | null) ?? null,
      to: String(s.to_state),
      actor: String(s.actor_name),
      departmentId: (s.department_id as string | null) ?? null,
      opinion: (s.opinion as string | null) ?? null,
      evidence: (s.attachments as string[]) ?? [],
      progress: typeof (s.payload as { progress?: unknown })?.progress === 'number' ? ((s.payload as { progress: number }).progress as number) : null,
    }));
    return { ...view, detail: row.detail, version: row.version, milestones: row.milestones, timeline, actions };
  }

  /** The board: every running or done task the caller may see, with its light. */
  async list(who: Principal, f: { unit?: string; source?: SourceKind; light?: Light; state?: string } = {}) {
    assertAllowed(this.policy, who, 'office.use', { regionCode: who.regionCode });
    let q = supervisionDb(this.k.db).selectFrom('office_supervision_task').selectAll().where('region_code', 'like', `${who.regionCode}%`);
    if (!this.isSupervisor(who)) {
      const mine = who.departmentId ?? NONE;
      q = q.where((eb) => eb.or([eb('lead_department_id', '=', mine), sql<boolean>`${mine}::uuid = ANY(helper_department_ids)`]));
    }
    if (f.unit) q = q.where('lead_department_id', '=', f.unit);
    if (f.source) q = q.where('source_kind', '=', f.source);
    if (f.state) q = q.where('state', '=', f.state);
    const rows = (await q.orderBy('due_at').orderBy('id').limit(500).execute()).map(readTask);
    const views = await this.views(rows);
    return f.light ? views.filter((v) => v.light === f.light) : views;
  }

  /** Figures per lead unit: tasks, done on time, overdue (late or past due now), 退回 count, done. */
  async figures(who: Principal) {
    assertAllowed(this.policy, who, 'office.use', { regionCode: who.regionCode });
    const rows = await supervisionDb(this.k.db)
      .selectFrom('office_supervision_task')
      .select(['lead_department_id', 'state', 'due_at', 'done_at', 'returned_count'])
      .where('region_code', 'like', `${who.regionCode}%`)
      .where('lead_department_id', 'is not', null)
      .execute();
    const now = this.k.clock.now().getTime();
    const by = new Map<string, { tasks: number; onTime: number; overdue: number; returned: number; done: number }>();
    for (const r of rows) {
      const f = by.get(r.lead_department_id!) ?? { tasks: 0, onTime: 0, overdue: 0, returned: 0, done: 0 };
      const due = r.due_at ? new Date(r.due_at).getTime() : Number.POSITIVE_INFINITY;
      const end = r.done_at ? new Date(r.done_at).getTime() : now;
      f.tasks += 1;
      f.returned += r.returned_count;
      if (r.state === 'done') f.done += 1;
      if (r.state === 'done' && end <= due) f.onTime += 1;
      if (end > due) f.overdue += 1;
      by.set(r.lead_department_id!, f);
    }
    const names = await this.org.departmentNames([...by.keys()]);
    return [...by.entries()]
      .map(([id, f]) => ({ departmentId: id, name: names.get(id)?.name ?? id, nameEn: names.get(id)?.nameEn ?? null, ...f }))
      .sort((a, b) => b.tasks - a.tasks || a.name.localeCompare(b.name));
  }

  /** Rows as the board and the 待办 list show them, with lights at the clock's now. */
  async views(rows: TaskRow[]) {
    const now = this.k.clock.now();
    const rules = await this.k.calendar.rules();
    const yellow = new Map<string, number>();
    for (const region of new Set(rows.map((r) => r.region_code))) yellow.set(region, (await supervisionSettings(this.k.settings, region)).yellowDays);
    const names = await this.org.departmentNames(rows.flatMap((r) => [r.lead_department_id ?? '', ...r.helper_department_ids]).filter(Boolean));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state,
      source: { kind: r.source_kind as SourceKind, ref: r.source_ref, label: r.source_label },
      leadDepartmentId: r.lead_department_id,
      leadUnit: r.lead_department_id ? (names.get(r.lead_department_id)?.name ?? null) : null,
      helperUnits: r.helper_department_ids.map((h) => ({ id: h, name: names.get(h)?.name ?? h })),
      dueDate: r.due_date,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      progress: r.progress,
      light: lightOf(r, now, rules, yellow.get(r.region_code) ?? 3),
      workingDaysLeft: r.state === 'done' ? null : workingDaysLeft(r, now, rules),
      returned: r.returned_count,
      remindLevel: r.remind_level,
      doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  isSupervisor(who: Principal): boolean {
    return this.policy.can(who, 'office.supervise', { regionCode: who.regionCode });
  }

  /** Supervisors see their region's tasks; a unit sees those it leads or helps with; others get 404. */
  assertSees(who: Principal, row: TaskRow): void {
    assertAllowed(this.policy, who, 'office.use', { regionCode: row.region_code });
    if (!regionWithin(row.region_code, who.regionCode)) throw Errors.notFound('supervision task');
    if (this.policy.can(who, 'office.supervise', { regionCode: row.region_code })) return;
    const unit = who.departmentId;
    if (!unit || (unit !== row.lead_department_id && !row.helper_department_ids.includes(unit))) throw Errors.notFound('supervision task');
  }

  private supervisorRegion(who: Principal): string {
    const regionCode = who.regionCode || this.k.config.regionCode;
    assertAllowed(this.policy, who, 'office.supervise', { regionCode });
    return regionCode;
  }

  private async check(ex: Executor, regionCode: string, a: AssignmentInput, at = ''): Promise<CheckedAssignment> {
    return checkAssignment(this.org, ex, await this.k.calendar.rules(ex), this.k.clock.now(), regionCode, a, at);
  }

  private async checkFiles(ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      const f = /^[0-9a-f-]{36}$/i.test(id) ? await this.k.files.find(id) : null;
      if (!f) throw SupervisionErrors.unknownFile(`/evidence/${i}`);
    }
  }

  /** Writes a new task (立项, and 交办 when `a` is given) with its first steps, audit entry and event. */
  private async insert(trx: Executor, who: Principal, regionCode: string, input: Omit<TaskInput, 'assign'>, a: CheckedAssignment | null, requestId?: string): Promise<{ id: string; number: string }> {
    const id = uuidv7();
    const now = this.k.clock.now();
    const { version } = await this.workflows.latest(trx);
    const seq = (await sql<{ n: string }>`SELECT nextval('office_supervision_task_seq') AS n`.execute(trx)).rows[0].n;
    const number = `${regionCode}-DB-${cstDate(now).slice(0, 4)}-${String(seq).padStart(5, '0')}`;
    const state = a ? 'assigned' : 'raised';
    await supervisionDb(trx)
      .insertInto('office_supervision_task')
      .values({
        id,
        region_code: regionCode,
        number,
        workflow_version: version,
        title: input.title,
        detail: input.detail ?? null,
        source_kind: input.source.kind,
        source_ref: input.source.ref ?? null,
        source_label: input.source.label ?? null,
        lead_department_id: a?.leadDepartmentId ?? null,
        helper_department_ids: a?.helperDepartmentIds ?? [],
        due_date: a?.dueDate ?? null,
        due_at: a?.dueAt ?? null,
        milestones: JSON.stringify(a?.milestones ?? []),
        state,
        raised_by: who.accountId,
        assigned_at: a ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const actor = stepActorOf(who);
    await TASK_LOG.append(trx, id, regionCode, { action: 'raise', from: null, to: 'raised', actor, opinion: input.detail ?? null, payload: { source: input.source }, at: now });
    if (a)
      await TASK_LOG.append(trx, id, regionCode, {
        action: 'assign',
        from: 'raised',
        to: 'assigned',
        actor,
        dueAt: a.dueAt,
        payload: { leadDepartmentId: a.leadDepartmentId, helperDepartmentIds: a.helperDepartmentIds, dueDate: a.dueDate, milestones: a.milestones },
        at: now,
      });
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'raised',
      objectType: 'office.supervision.task',
      objectId: id,
      regionCode,
      change: { number, title: input.title, source: input.source, state, ...(a ? { leadDepartmentId: a.leadDepartmentId, dueDate: a.dueDate } : {}) },
      summary: { number },
      event: { topic: SUPERVISION_TASK_RAISED, payload: { id, number, leadDepartmentId: a?.leadDepartmentId ?? null } },
      requestId,
    });
    return { id, number };
  }
}
