import type { Selectable } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { ActionLog, WorkflowVersions, type ActionHandler, type RecordKind, type Step } from '../../../kernel/workflow/index.ts';
import type { OfficeContext } from '../area.ts';
import { IncomingErrors } from './errors.ts';
import { INCOMING_STEPPED } from './events.ts';
import type { OfficeIncomingTable } from './tables.ts';
import { tell } from '../tell.ts';
import { INCOMING_WORKFLOW, UNDERTAKING } from './workflow.ts';

export type IncomingRow = Selectable<OfficeIncomingTable>;

/** The 收文 action log, of the kernel's one shape. */
export const INCOMING_LOG = new ActionLog('office_incoming_action', 'incoming_id');

/** What a step is given (the API's fields, as the engine's `requires` names them). */
export interface IncomingStepInput {
  action: string;
  expectedVersion?: number;
  reason?: string;
  opinion?: string;
  suggestion?: string;
  instruction?: string;
  leadDepartmentId?: string;
  helperDepartmentIds?: string[];
  limitDays?: number;
  dueDate?: string;
  supervise?: boolean;
  summary?: string;
}

/** The unit that has the document now: the receiving unit up to 批办, the 主办 unit after it. */
export const unitOf = (row: Pick<IncomingRow, 'state' | 'department_id' | 'lead_department_id'>) =>
  UNDERTAKING.includes(row.state) || row.state === 'completed' ? (row.lead_department_id ?? row.department_id) : row.department_id;

export const linkOf = (id: string) => `/workbench/office/incoming/${id}`;

type Handler = ActionHandler<IncomingRow, IncomingStepInput>;

/** 批办: the 主办 and 协办 units (active units of the region) and the deadline as an absolute time. */
async function instruction(ctx: OfficeContext, step: Step<IncomingRow, IncomingStepInput>) {
  const { input, row, now } = step;
  const lead = input.leadDepartmentId;
  const helpers = input.helperDepartmentIds ?? [];
  if (!lead) throw IncomingErrors.badUnits('请选择主办单位', 'Choose the lead unit');
  if (helpers.includes(lead)) throw IncomingErrors.badUnits('主办单位不能同时为协办单位', 'The lead unit cannot also be a helping unit');
  if (new Set(helpers).size !== helpers.length) throw IncomingErrors.badUnits('协办单位重复', 'A helping unit is named twice');
  const names = await ctx.org.departmentNames([lead, ...helpers]);
  for (const id of [lead, ...helpers]) {
    const d = names.get(id);
    if (!d || !d.active || !regionWithin(d.regionCode, row.region_code)) throw IncomingErrors.badUnits('所选单位不存在或不在本地区', 'A chosen unit does not exist or is not in this region');
  }
  if ((input.limitDays === undefined) === (input.dueDate === undefined)) throw IncomingErrors.limitOrDate();
  let dueAt: Date;
  if (input.dueDate !== undefined) {
    const day = input.dueDate;
    if (day <= cstDate(now)) throw IncomingErrors.dueInPast(day);
    if (!(await ctx.k.calendar.isWorkingDay(day))) throw IncomingErrors.nonWorkingDay(day);
    dueAt = new Date(Date.parse(`${day}T23:59:59.999+08:00`));
  } else {
    dueAt = await ctx.k.calendar.addWorkingDays(now, input.limitDays!);
  }
  const supervision = ctx.ports.supervision;
  if (input.supervise && !supervision) throw IncomingErrors.noSupervision();
  return { lead, helpers, dueAt, names, supervision: input.supervise ? supervision : null };
}

function handlers(ctx: OfficeContext): Record<string, Handler> {
  const { k } = ctx;
  return {
    sign: () => ({ payload: {} }),
    register: () => ({ payload: {} }),
    pass: ({ input }) => ({ opinion: input.opinion ?? null }),
    return: ({ input, row }) => ({
      payload: { reason: input.reason },
      event: { reason: input.reason },
      // The sending unit is told why (条例 第六章: 不合规退回并说明理由).
      after: async (trx) => {
        if (row.sender_department_id) {
          await tell(k, trx, {
            regionCode: row.region_code,
            departmentId: row.sender_department_id,
            role: 'office_clerk',
            title: `来文被退回：${row.title}`.slice(0, 100),
            body: `${row.doc_number ?? ''} 被退回，理由：${input.reason}`.trim(),
            link: `/workbench/office/documents/${row.source_document_id ?? ''}`,
          });
        }
      },
    }),
    suggest: ({ input }) => ({ set: { suggestion: input.suggestion }, opinion: input.suggestion ?? null }),
    instruct: async (step) => {
      const { who, input, row } = step;
      const i = await instruction(ctx, step);
      return {
        set: { instruction: input.instruction, lead_department_id: i.lead, helper_department_ids: i.helpers, due_at: i.dueAt },
        opinion: input.instruction ?? null,
        dueAt: i.dueAt,
        payload: { leadDepartmentId: i.lead, helperDepartmentIds: i.helpers, dueAt: i.dueAt.toISOString(), supervise: !!input.supervise },
        // 督办: the instruction becomes a supervision task in the same transaction.
        before: i.supervision
          ? async (trx) => {
              const task = await i.supervision!.raise(trx, who, {
                title: row.title,
                detail: input.instruction,
                source: { kind: 'instruction', ref: row.id, label: row.doc_number ?? row.number },
                leadDepartmentId: i.lead,
                helperDepartmentIds: i.helpers,
                dueDate: cstDate(i.dueAt),
                regionCode: row.region_code,
              });
              return { supervision_task_id: task.id };
            }
          : undefined,
        after: async (trx) => {
          for (const unit of [i.lead, ...i.helpers]) {
            if (unit === row.department_id) continue;
            await tell(k, trx, {
              regionCode: row.region_code,
              departmentId: unit,
              role: 'office_clerk',
              title: `${unit === i.lead ? '主办' : '协办'}收文：${row.title}`.slice(0, 100),
              body: `批办意见：${input.instruction}；办理期限 ${cstDate(i.dueAt)}`,
              link: linkOf(row.id),
            });
          }
        },
      };
    },
    undertake: ({ input }) => ({ opinion: input.opinion ?? null }),
    complete: ({ input, now }) => ({ set: { summary: input.summary, completed_at: now }, opinion: input.summary ?? null }),
  };
}

/** 收文 as a record kind of the kernel's action engine. */
export function incomingKind(ctx: OfficeContext, workflows: WorkflowVersions, load: (who: Principal, id: string) => Promise<IncomingRow>): RecordKind<IncomingRow, IncomingStepInput> {
  return {
    objectType: 'office.incoming',
    table: 'office_incoming',
    log: INCOMING_LOG,
    topic: INCOMING_STEPPED,
    handlers: handlers(ctx),
    load,
    actorOf: (who, row) => {
      assertAllowed(ctx.policy, who, 'office.use', { regionCode: row.region_code });
      return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    },
    /** Deny by default beyond the definition's roles: the permission, in the unit that has the document. */
    guard: (who, row, action) => {
      const permission = action.roles?.includes('leader') ? 'office.sign' : 'office.clerk';
      assertAllowed(ctx.policy, who, permission, { regionCode: row.region_code, departmentId: unitOf(row) });
      if (who.departmentId !== unitOf(row)) throw IncomingErrors.notYourUnit();
    },
    definition: (row) => workflows.get(row.workflow_version),
    units: (row) => unitOf(row),
    opinionOf: (input) => input.reason ?? input.opinion ?? null,
    eventOf: ({ row }) => ({ number: row.number, departmentId: row.department_id, sourceDocumentId: row.source_document_id, senderDepartmentId: row.sender_department_id }),
    errors: { notInState: () => IncomingErrors.notInState(), stateChanged: IncomingErrors.stateChanged },
  };
}

export const newWorkflows = (ctx: OfficeContext) => new WorkflowVersions(ctx.k.db, 'office_incoming_workflow', INCOMING_WORKFLOW);
