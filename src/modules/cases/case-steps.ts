import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { regionWithin } from '../../kernel/policy/index.ts';
import { noEffect, type ActionHandler, type RecordKind, type StateRow } from '../../kernel/workflow/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Categories } from './categories.ts';
import type { Classifier } from './classifier.ts';
import { CasesErrors } from './errors.ts';
import { caseSettings } from './settings.ts';
import type { CaseRow, Handling } from './handling.ts';
import { CASE_LOG, checkPhotos, dispatcherOf } from './records.ts';
import type { CaseActionBody, Suggestion } from './schema.ts';
import type { Urgency } from './workflow.ts';
import type { CaseWorkflows } from './workflows.ts';
import { CASE_STEPPED } from './events.ts';

/** The actions a case workflow may name: each has its handler below (checked when a version is saved). */
export const CASE_ACTIONS = [
  'answer',
  'dispatch',
  'merge',
  'void',
  'withdraw',
  'accept',
  'return',
  'approve_return',
  'take_back',
  'refuse_return',
  'redispatch',
  'reassign',
  'reply',
  'close',
  'reopen',
  'hold',
  'resume',
] as const;

type Row = CaseRow & StateRow;
type Handler = ActionHandler<Row, CaseActionBody>;

interface Deps {
  k: Kernel;
  org: OrgService;
  grids: Grids;
  categories: Categories;
  classifier: Classifier;
}

/** What each step on a case does beyond its state: 派单, 签收, 退单 and its review, 下派, 改派, 答复, 回访, 重办. */
function caseHandlers({ k, org, grids, categories, classifier }: Deps): Record<(typeof CASE_ACTIONS)[number], Handler> {
  /** A unit of the region a case can be sent to. */
  const unit = async (departmentId: string, within: string): Promise<{ id: string; regionCode: string }> => {
    const d = (await org.departmentNames([departmentId])).get(departmentId);
    if (!d || !d.active || !regionWithin(d.regionCode, within)) throw CasesErrors.unknownUnit();
    return { id: departmentId, regionCode: d.regionCode };
  };
  /** A category's own limits, else the region's default ones in force when the case was registered. */
  const rulesOf = (row: Row) => caseSettings(k.settings, row.region_code, { asOf: new Date(row.created_at) });
  const limitsFor = async (row: Row, categoryCode: string | null, urgency: Urgency) => {
    const c = categoryCode ? await categories.get(categoryCode) : undefined;
    return (c?.limits ?? (await rulesOf(row)).limits)[urgency];
  };

  /**
   * Teaches the classifier a finished case: its category when the responsibility list gives that
   * category to the unit that finally handled it (after any 退单, 改派 or 下派); else the category of
   * that unit the model finds likeliest for the text. A unit the list never names teaches nothing.
   * Read before the step's transaction (it reads the org and the model through the pool).
   */
  const finalLabel = async (row: Row): Promise<string | null> => {
    const unitId = row.handling_department_id;
    if (!unitId || !row.category_code || row.duplicate_of) return null;
    const d = (await org.departmentNames([unitId])).get(unitId);
    if (!d) return null;
    const isStreet = d.regionCode.length > row.region_code.length;
    const where = row.street_code ?? row.region_code;
    const handles = async (code: string) => {
      const duty = await categories.dutyFor(code, where);
      return !!duty && (duty.level === 'street' ? isStreet : duty.departmentId === unitId);
    };
    const text = `${row.title} ${row.content}`;
    let label: string | null = (await handles(row.category_code)) ? row.category_code : null;
    if (!label) {
      const scores = await classifier.categoryScores(text, where);
      let best = -1;
      for (const c of (await categories.list()).filter((x) => x.leaf && x.active)) {
        if (!(await handles(c.code))) continue;
        const p = scores.get(c.code) ?? 0;
        if (p > best) [best, label] = [p, c.code];
      }
    }
    return label;
  };
  /** Works out the label before the step's transaction; learns it inside, so a failed step teaches nothing. */
  const learnFinal = async (row: Row): Promise<((trx: Executor) => Promise<void>) | undefined> => {
    const label = await finalLabel(row);
    return label ? (trx) => classifier.learn(trx, `${row.title} ${row.content}`, label) : undefined;
  };

  const dispatch: Handler = async ({ who, row, input: body, now }) => {
    const region = row.region_code;
    // 需人工判断 at intake: nothing is pre-selected, the dispatcher names category and unit.
    const manual = !!(row.first_suggestion as { manual?: boolean } | null)?.manual;
    const suggestions = manual ? [] : (row.suggestions as Suggestion[]);
    const categoryCode = body.categoryCode ?? row.category_code ?? suggestions[0]?.categoryCode;
    if (!categoryCode) throw Errors.validation([{ path: '/categoryCode', message: 'required / 请选择分类' }]);
    await categories.leaf(categoryCode);
    const departmentId = body.departmentId ?? (categoryCode === suggestions[0]?.categoryCode ? suggestions[0]?.departmentId : null);
    if (!departmentId) throw Errors.validation([{ path: '/departmentId', message: 'required / 请选择承办单位' }]);
    await unit(departmentId, region);
    const helpers = body.helperDepartmentIds ?? [];
    if (helpers.includes(departmentId)) throw CasesErrors.helperIsLead();
    for (const h of helpers) await unit(h, region);
    const urgency = (body.urgency ?? row.urgency) as Urgency;
    const limits = await limitsFor(row, categoryCode, urgency);
    const first = (row.suggestions as Suggestion[])[0];
    // 首推采纳: only the first dispatch counts; later moves are corrections of the unit, not the guess.
    const tookFirst = row.took_first ?? (!!first && first.categoryCode === categoryCode && first.departmentId === departmentId);
    const dueAt = row.due_at ?? (await k.calendar.addWorkingDays(now, limits.completeDays));
    return {
      set: {
        category_code: categoryCode,
        urgency,
        handling_department_id: departmentId,
        helper_department_ids: helpers,
        dispatch_chain: [who.departmentId],
        dispatched_at: now,
        accepted_at: null,
        response_due_at: await k.calendar.addWorkingHours(now, limits.responseHours),
        due_at: dueAt,
        took_first: tookFirst,
      },
      payload: { categoryCode, departmentId, helpers, urgency, tookFirst },
      dueAt,
    };
  };

  const answer: Handler = ({ row, input: body }) => {
    const knowledge = body.knowledgeId ?? null;
    return {
      set: { answer: body.reason },
      payload: knowledge ? { knowledgeId: knowledge } : {},
      after: knowledge
        ? async (trx) =>
            void (await trx
              .updateTable('cases_knowledge')
              .set((eb) => ({ uses: eb('uses', '+', 1) }))
              .where('id', '=', knowledge)
              .where('region_code', '=', row.region_code)
              .execute())
        : undefined,
    };
  };

  const merge: Handler = async ({ row, input: body, now }) => {
    if (!body.duplicateOf || body.duplicateOf === row.id) throw CasesErrors.duplicateTarget();
    const m = await k.db.selectFrom('cases_case').select(['id', 'open', 'number', 'category_code']).where('id', '=', body.duplicateOf).executeTakeFirst();
    if (!m || !m.open) throw CasesErrors.duplicateTarget();
    return {
      set: { duplicate_of: m.id, category_code: row.category_code ?? m.category_code },
      payload: { duplicateOf: m.number },
      after: async (trx) =>
        void (await trx
          .updateTable('cases_case')
          .set((eb) => ({ duplicates: eb('duplicates', '+', 1), updated_at: now }))
          .where('id', '=', m.id)
          .execute()),
    };
  };

  /** 下派 (down a level, or to a grid of the street office) and 改派 (the centre moves it to another unit). */
  const moveTo =
    (kind: 'redispatch' | 'reassign'): Handler =>
    async ({ who, row, input: body, now }) => {
      const region = row.region_code;
      const limits = await limitsFor(row, row.category_code, row.urgency);
      const timing = { accepted_at: null, response_due_at: await k.calendar.addWorkingHours(now, limits.responseHours) };
      if (kind === 'redispatch' && body.gridCode && !body.departmentId) {
        // 下派到网格: the street office keeps the case; its grid worker signs for it.
        const grid = await grids.find(body.gridCode);
        if (!grid || !row.handling_department_id || grid.kind !== 'grid' || grid.departmentId !== row.handling_department_id) throw CasesErrors.notLowerUnit();
        return { set: { grid_code: grid.code, dispatch_chain: [...row.dispatch_chain, row.handling_department_id], ...timing }, payload: { gridCode: grid.code } };
      }
      if (!body.departmentId) throw Errors.validation([{ path: '/departmentId', message: 'required / 请选择承办单位' }]);
      if (kind === 'redispatch') {
        if (!row.handling_department_id) throw CasesErrors.notLowerUnit();
        const here = await unit(row.handling_department_id, region);
        const there = await unit(body.departmentId, region);
        // Down a level: the target lies strictly inside the current unit's area.
        if (there.id === here.id || there.regionCode.length <= here.regionCode.length || !regionWithin(there.regionCode, here.regionCode)) throw CasesErrors.notLowerUnit();
        return { set: { handling_department_id: there.id, dispatch_chain: [...row.dispatch_chain, here.id], ...timing }, payload: { departmentId: body.departmentId } };
      }
      await unit(body.departmentId, region);
      if ((row.helper_department_ids as string[]).includes(body.departmentId)) throw CasesErrors.helperIsLead();
      return { set: { handling_department_id: body.departmentId, dispatch_chain: [who.departmentId], ...timing }, payload: { departmentId: body.departmentId } };
    };

  return {
    answer,
    dispatch,
    merge,
    void: noEffect,
    // 挂起/恢复 are for regions whose workflow adds an on-hold state; the reason is the step's opinion.
    // The time limit keeps running: more time is what 延期 is for.
    hold: noEffect,
    resume: noEffect,
    withdraw: noEffect,
    refuse_return: noEffect,
    accept: ({ now }) => ({ set: { accepted_at: now } }),
    return: ({ row }) => ({ set: { returns: row.returns + 1 } }),
    approve_return: () => ({ set: { handling_department_id: null, helper_department_ids: [], dispatch_chain: [], accepted_at: null, response_due_at: null } }),
    take_back: ({ row, now }) => {
      const chain = [...(row.dispatch_chain as string[])];
      const back = chain.pop();
      return { set: { handling_department_id: back, dispatch_chain: chain, accepted_at: now, grid_code: row.grid_code } };
    },
    redispatch: moveTo('redispatch'),
    reassign: moveTo('reassign'),
    reply: async ({ who, input: body, now }) => {
      await checkPhotos(k, who, body.photoIds ?? []);
      return { set: { reply: body.reason, reply_photo_ids: body.photoIds ?? [], replied_at: now }, payload: { photos: body.photoIds?.length ?? 0 }, attachments: body.photoIds ?? [] };
    },
    close: async ({ row, input: body }) => {
      const v = body.visit;
      if (!v || (v.reached && (v.solved === undefined || v.satisfaction === undefined))) throw CasesErrors.visitMissing();
      // The classifier learns when the case is finished, from the unit that finally handled it.
      return { set: { solved: v.reached ? v.solved : null, satisfaction: v.reached ? v.satisfaction : null }, payload: { visit: v }, after: await learnFinal(row) };
    },
    reopen: async ({ row, input: body, now }) => {
      const v = body.visit;
      if (!v || !v.reached || v.solved === undefined || v.satisfaction === undefined) throw CasesErrors.visitMissing();
      const { visitBack } = await rulesOf(row);
      // 回访不满意: unsatisfied (or not solved) allows reopening, as often as the region's rules say.
      if (v.solved && v.satisfaction > visitBack.unsatisfiedAtMost) throw CasesErrors.reopenNeedsUnsatisfied();
      if (row.reopen_count >= visitBack.reopensAllowed) throw CasesErrors.reopenUsed(visitBack.reopensAllowed);
      const limits = await limitsFor(row, row.category_code, row.urgency);
      const dueAt = await k.calendar.addWorkingDays(now, limits.completeDays);
      return { set: { reopen_count: row.reopen_count + 1, replied_at: null, solved: v.solved, satisfaction: v.satisfaction, overdue: false, due_at: dueAt }, payload: { visit: v }, dueAt };
    },
  };
}

/** Cases (工单) as a record kind of the kernel's action engine. */
export function caseKind(deps: Deps, handling: Handling, workflows: CaseWorkflows): RecordKind<Row, CaseActionBody> {
  return {
    objectType: 'cases.case',
    table: 'cases_case',
    log: CASE_LOG,
    topic: CASE_STEPPED,
    handlers: caseHandlers(deps),
    load: (who, id) => handling.visibleRow(who, id) as Promise<Row>,
    actorOf: (who, row) => handling.actorFor(who, row),
    definition: (row) => workflows.get(row.workflow_version),
    units: (row) => ({ handling: row.handling_department_id, dispatcher: dispatcherOf(row) }),
    opinionOf: (body) => body.reason ?? null,
    stepColumns: ({ ended, now }) => ({ open: !ended, ...(ended ? { closed_at: now } : {}) }),
    eventOf: ({ row }, set) => ({ departmentId: (set.handling_department_id as string | null | undefined) ?? row.handling_department_id }),
    errors: { notInState: CasesErrors.notInState, stateChanged: CasesErrors.stateChanged },
  };
}
