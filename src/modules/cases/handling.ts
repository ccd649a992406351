import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, regionWithin, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { decide, isEnd, type WorkflowAction, type WorkflowActor } from '../../kernel/workflow/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Categories } from './categories.ts';
import type { Classifier } from './classifier.ts';
import { CasesErrors } from './errors.ts';
import { actionRowSql, checkPhotos, dispatcherOf } from './records.ts';
import type { CaseActionBody, Suggestion } from './schema.ts';
import type { Urgency } from './workflow.ts';
import type { CaseWorkflows } from './workflows.ts';

// Rows are read from an untyped handle; the columns are those of migrations/index.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CaseRow = Record<string, any>;

/** Satisfaction at or below this (of 5) counts as unsatisfied and allows one reopening. */
export const UNSATISFIED_AT_MOST = 2;

/**
 * Every workflow step on a case after intake: 派单, 签收, 退单 and its review, 下派, 改派, 答复, 回访,
 * 重办 — each one statement (or one transaction) that re-checks the version it decided on.
 */
export class Handling {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
    private readonly grids: Grids,
    private readonly categories: Categories,
    private readonly classifier: Classifier,
    private readonly workflows: CaseWorkflows,
  ) {}

  /** Loads a case and checks the caller may see it. */
  async visibleRow(who: Principal, id: string): Promise<CaseRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('case');
    const row = await this.k.db.selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw Errors.notFound('case');
    if (!this.canSee(who, row)) throw Errors.forbidden();
    return row;
  }

  /** The centre and leaders see their region's cases; units see cases they hold, held or help on; callers their own. */
  canSee(who: Principal, row: CaseRow): boolean {
    if (who.type === 'person') return row.caller_account_id === who.accountId;
    if (this.policy.can(who, 'cases.view', { regionCode: row.region_code })) return true;
    if (!this.policy.can(who, 'cases.handle', { departmentId: who.departmentId })) return false;
    const d = who.departmentId;
    return !!d && (row.handling_department_id === d || (row.helper_department_ids as string[]).includes(d) || (row.dispatch_chain as string[]).includes(d));
  }

  private actorFor(who: Principal, row: CaseRow): WorkflowActor {
    if (who.type === 'staff') return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    if (who.type === 'person' && row.caller_account_id === who.accountId) return { kind: 'applicant', roles: [], departmentId: null };
    throw Errors.forbidden();
  }


  /** A unit of the region a case can be sent to. */
  private async unit(departmentId: string, within: string): Promise<{ id: string; regionCode: string }> {
    const d = (await this.org.departmentNames([departmentId])).get(departmentId);
    if (!d || !d.active || !regionWithin(d.regionCode, within)) throw CasesErrors.unknownUnit();
    return { id: departmentId, regionCode: d.regionCode };
  }

  private async limitsFor(categoryCode: string | null, urgency: Urgency) {
    const c = categoryCode ? await this.categories.get(categoryCode) : undefined;
    return (c?.limits ?? { urgent: { responseHours: 1, completeDays: 1 }, ordinary: { responseHours: 4, completeDays: 5 }, consult: { responseHours: 4, completeDays: 2 } })[urgency];
  }

  async act(who: Principal, id: string, body: CaseActionBody, requestId?: string): Promise<CaseRow> {
    const row = await this.visibleRow(who, id);
    const def = await this.workflows.get(row.workflow_version);
    const actor = this.actorFor(who, row);
    const action = decide(def, row.state, body.action, actor, { handling: row.handling_department_id, dispatcher: dispatcherOf(row) }, body);
    if (body.expectedVersion && body.expectedVersion !== row.version) throw CasesErrors.stateChanged();
    const now = this.k.clock.now();
    const { set, payload, learn, master, knowledge } = await this.effects(who, row, action, body, now);
    const ended = isEnd(def, action.to);
    const write = async (ex: Executor) => {
      const main = ex
        .updateTable('cases_case')
        .set({ state: action.to, open: !ended, ...(ended ? { closed_at: now } : {}), ...set, version: row.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .returning(['id', 'region_code']);
      const done = await this.k.tracedWrite(
        ex,
        main,
        {
          actor: actorOf(who),
          action: action.code,
          objectType: 'cases.case',
          objectId: id,
          regionCode: row.region_code,
          change: { from: row.state, to: action.to, ...payload },
          event: { topic: 'cases.case.stepped', payload: { id, action: action.code, from: row.state, to: action.to, departmentId: set.handling_department_id ?? row.handling_department_id } },
          requestId,
        },
        actionRowSql(who, action.code, row.state, action.to, body.reason ?? null, payload, now),
      );
      if (done.length === 0) throw CasesErrors.stateChanged();
    };
    if (learn || master || knowledge) {
      await this.k.db.transaction().execute(async (trx) => {
        await write(trx);
        if (learn) await this.classifier.learn(trx, `${row.title} ${row.content}`, learn);
        if (master) await trx.updateTable('cases_case').set((eb) => ({ duplicates: eb('duplicates', '+', 1), updated_at: now })).where('id', '=', master).execute();
        if (knowledge) await trx.updateTable('cases_knowledge').set((eb) => ({ uses: eb('uses', '+', 1) })).where('id', '=', knowledge).where('region_code', '=', row.region_code).execute();
      });
    } else await write(this.k.db);
    return this.k.db.selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  /** What an action changes on the row beyond its state, and what it records. */
  private async effects(who: Principal, row: CaseRow, action: WorkflowAction, body: CaseActionBody, now: Date) {
    const set: Record<string, unknown> = {};
    const payload: Record<string, unknown> = {};
    let learn: string | null = null;
    let master: string | null = null;
    let knowledge: string | null = null;
    const region = row.region_code as string;
    switch (action.code) {
      case 'dispatch': {
        const suggestions = row.suggestions as Suggestion[];
        const categoryCode = body.categoryCode ?? row.category_code ?? suggestions[0]?.categoryCode;
        if (!categoryCode) throw Errors.validation([{ path: '/categoryCode', message: 'required / 请选择分类' }]);
        await this.categories.leaf(categoryCode);
        const departmentId = body.departmentId ?? (categoryCode === suggestions[0]?.categoryCode ? suggestions[0]?.departmentId : null);
        if (!departmentId) throw Errors.validation([{ path: '/departmentId', message: 'required / 请选择承办单位' }]);
        await this.unit(departmentId, region);
        const helpers = body.helperDepartmentIds ?? [];
        if (helpers.includes(departmentId)) throw CasesErrors.helperIsLead();
        for (const h of helpers) await this.unit(h, region);
        const urgency = (body.urgency ?? row.urgency) as Urgency;
        const limits = await this.limitsFor(categoryCode, urgency);
        const first = suggestions[0];
        // 首推采纳: only the first dispatch counts; later moves are corrections of the unit, not the guess.
        const tookFirst = row.took_first ?? (!!first && first.categoryCode === categoryCode && first.departmentId === departmentId);
        Object.assign(set, {
          category_code: categoryCode, urgency, handling_department_id: departmentId, helper_department_ids: helpers, dispatch_chain: [who.departmentId],
          dispatched_at: now, accepted_at: null, response_due_at: await this.k.calendar.addWorkingHours(now, limits.responseHours),
          due_at: row.due_at ?? (await this.k.calendar.addWorkingDays(now, limits.completeDays)), took_first: tookFirst,
        });
        Object.assign(payload, { categoryCode, departmentId, helpers, urgency, tookFirst });
        if (row.took_first == null) learn = categoryCode;
        break;
      }
      case 'answer':
        Object.assign(set, { answer: body.reason });
        knowledge = body.knowledgeId ?? null;
        if (knowledge) payload.knowledgeId = knowledge;
        break;
      case 'merge': {
        if (!body.duplicateOf || body.duplicateOf === row.id) throw CasesErrors.duplicateTarget();
        const m = await this.k.db.selectFrom('cases_case').select(['id', 'open', 'number', 'category_code']).where('id', '=', body.duplicateOf).executeTakeFirst();
        if (!m || !m.open) throw CasesErrors.duplicateTarget();
        Object.assign(set, { duplicate_of: m.id, category_code: row.category_code ?? m.category_code });
        Object.assign(payload, { duplicateOf: m.number });
        master = m.id;
        break;
      }
      case 'accept':
        Object.assign(set, { accepted_at: now });
        break;
      case 'return':
        Object.assign(set, { returns: row.returns + 1 });
        break;
      case 'approve_return':
        Object.assign(set, { handling_department_id: null, helper_department_ids: [], dispatch_chain: [], accepted_at: null, response_due_at: null });
        break;
      case 'take_back': {
        const chain = [...(row.dispatch_chain as string[])];
        const back = chain.pop();
        Object.assign(set, { handling_department_id: back, dispatch_chain: chain, accepted_at: now, grid_code: row.grid_code });
        break;
      }
      case 'refuse_return':
        break;
      case 'redispatch':
      case 'reassign': {
        const limits = await this.limitsFor(row.category_code, row.urgency);
        const timing = { accepted_at: null, response_due_at: await this.k.calendar.addWorkingHours(now, limits.responseHours) };
        if (action.code === 'redispatch' && body.gridCode && !body.departmentId) {
          // 下派到网格: the street office keeps the case; its grid worker signs for it.
          const grid = await this.grids.find(body.gridCode);
          if (!grid || grid.kind !== 'grid' || grid.departmentId !== row.handling_department_id) throw CasesErrors.notLowerUnit();
          Object.assign(set, { grid_code: grid.code, dispatch_chain: [...row.dispatch_chain, row.handling_department_id], ...timing });
          Object.assign(payload, { gridCode: grid.code });
          break;
        }
        if (!body.departmentId) throw Errors.validation([{ path: '/departmentId', message: 'required / 请选择承办单位' }]);
        if (action.code === 'redispatch') {
          const here = await this.unit(row.handling_department_id, region);
          const there = await this.unit(body.departmentId, region);
          // Down a level: the target lies strictly inside the current unit's area.
          if (there.id === here.id || there.regionCode.length <= here.regionCode.length || !regionWithin(there.regionCode, here.regionCode)) throw CasesErrors.notLowerUnit();
          Object.assign(set, { handling_department_id: there.id, dispatch_chain: [...row.dispatch_chain, here.id], ...timing });
        } else {
          await this.unit(body.departmentId, region);
          if ((row.helper_department_ids as string[]).includes(body.departmentId)) throw CasesErrors.helperIsLead();
          Object.assign(set, { handling_department_id: body.departmentId, dispatch_chain: [who.departmentId], ...timing });
        }
        Object.assign(payload, { departmentId: body.departmentId });
        break;
      }
      case 'reply':
        await checkPhotos(this.k, who, body.photoIds ?? []);
        Object.assign(set, { reply: body.reason, reply_photo_ids: body.photoIds ?? [], replied_at: now });
        Object.assign(payload, { photos: body.photoIds?.length ?? 0 });
        break;
      case 'close': {
        const v = body.visit;
        if (!v || (v.reached && (v.solved === undefined || v.satisfaction === undefined))) throw CasesErrors.visitMissing();
        Object.assign(set, { solved: v.reached ? v.solved : null, satisfaction: v.reached ? v.satisfaction : null });
        Object.assign(payload, { visit: v });
        break;
      }
      case 'reopen': {
        const v = body.visit;
        if (!v || !v.reached || v.solved === undefined || v.satisfaction === undefined) throw CasesErrors.visitMissing();
        if (v.solved && v.satisfaction > UNSATISFIED_AT_MOST) throw CasesErrors.reopenNeedsUnsatisfied();
        if (row.reopen_count >= 1) throw CasesErrors.reopenUsed();
        const limits = await this.limitsFor(row.category_code, row.urgency);
        Object.assign(set, { reopen_count: row.reopen_count + 1, replied_at: null, solved: v.solved, satisfaction: v.satisfaction, overdue: false, due_at: await this.k.calendar.addWorkingDays(now, limits.completeDays) });
        Object.assign(payload, { visit: v });
        break;
      }
    }
    return { set, payload, learn, master, knowledge };
  }
}
