import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy } from '../../kernel/policy/index.ts';
import { ActionLog, type ActionHandler, type RecordKind, type StateRow, type Step, type WorkflowDefinition, type WorkflowVersions } from '../../kernel/workflow/index.ts';
import { DataErrors } from './errors.ts';
import type { RequestRow, SharingRequests } from './requests.ts';
import { DATA_REQUEST_DECIDED } from './events.ts';

/** The 共享申请 action log, of the kernel's one shape. */
export const REQUEST_LOG = new ActionLog('data_request_action', 'request_id');

/** Working days the provider, and then the data bureau, have to decide. */
export const DECIDE_DAYS = 5;

const PROVIDERS = ['approver', 'data_admin'];
const BUREAU = ['data_admin'];

/**
 * A sharing request's path: the provider approves (possibly narrower) or refuses with a reason
 * within 5 working days; a conditional resource then needs the data bureau's approval too. Who
 * may decide for the provider is the policy point's question (its department, or the bureau).
 */
export const REQUEST_WORKFLOW: WorkflowDefinition = {
  initial: 'submitted',
  states: {
    submitted: { zh: '待提供部门审核', en: 'Awaiting the provider', limitDays: DECIDE_DAYS },
    bureau_review: { zh: '待数据主管部门审核', en: 'Awaiting the data bureau', limitDays: DECIDE_DAYS },
    approved: { zh: '已同意共享', en: 'Approved', kind: 'end' },
    refused: { zh: '不予共享', en: 'Refused', kind: 'end' },
  },
  actions: [
    { code: 'approve', zh: '同意共享', en: 'Approve', from: ['submitted'], to: 'approved', actor: 'staff', roles: PROVIDERS, unit: 'region' },
    { code: 'forward', zh: '同意并报数据主管部门审核', en: 'Approve and send to the data bureau', from: ['submitted'], to: 'bureau_review', actor: 'staff', roles: PROVIDERS, unit: 'region' },
    { code: 'refuse', zh: '不予共享', en: 'Refuse', from: ['submitted'], to: 'refused', actor: 'staff', roles: PROVIDERS, unit: 'region', requires: ['reason'] },
    { code: 'bureau_approve', zh: '数据主管部门同意', en: 'Data bureau approves', from: ['bureau_review'], to: 'approved', actor: 'staff', roles: BUREAU, unit: 'region' },
    { code: 'bureau_refuse', zh: '数据主管部门不同意', en: 'Data bureau refuses', from: ['bureau_review'], to: 'refused', actor: 'staff', roles: BUREAU, unit: 'region', requires: ['reason'] },
  ],
};

export const REQUEST_ACTIONS = ['approve', 'forward', 'refuse', 'bureau_approve', 'bureau_refuse'] as const;

/** A decision's input: what the approver narrows, or the refusal's reason. */
export interface RequestStepInput {
  action: string;
  reason?: string;
  items?: string[];
  clearItems?: string[];
  rowRegion?: string;
  periodTo?: string;
}

/** The request with what its decision needs of its resource. */
export type DecidableRequest = RequestRow & StateRow & { resource_code: string; provider_department_id: string; sharing_type: string };
type Handler = ActionHandler<DecidableRequest, RequestStepInput>;

/** Narrowing only: fewer items, fewer clear items, a smaller region, an earlier end. */
function narrowed({ row: req, input: d }: Step<DecidableRequest, RequestStepInput>) {
  const items = d.items ?? (req.items as string[]);
  const clear = (d.clearItems ?? (req.clear_items as string[])).filter((c) => items.includes(c));
  if (items.some((i) => !req.items.includes(i)) || clear.some((c) => !req.clear_items.includes(c))) throw DataErrors.narrowOnly();
  if (d.rowRegion && req.row_region && !d.rowRegion.startsWith(req.row_region)) throw DataErrors.narrowOnly();
  const periodTo = d.periodTo ?? cstDate(new Date(req.period_to));
  if (periodTo > cstDate(new Date(req.period_to))) throw DataErrors.narrowOnly();
  const set = { items, clear_items: clear, row_region: d.rowRegion ?? req.row_region, period_to: periodTo };
  return { set, payload: { items, clearItems: clear, reason: d.reason ?? null } };
}

function requestHandlers(k: Kernel, requests: SharingRequests): Record<(typeof REQUEST_ACTIONS)[number], Handler> {
  /** The final approval registers the consuming system and its grant, in the step's transaction. */
  const approve: Handler = (step) => {
    const { set, payload } = narrowed(step);
    const clientId = requests.clientIdFor(step.row.number);
    return { set, payload: { ...payload, clientId }, after: (trx) => requests.issueGrant(trx, { ...step.row, ...set }, clientId) };
  };
  const refuse: Handler = ({ input }) => ({ payload: { reason: input.reason ?? null } });
  return {
    approve: (step) => {
      // A conditional resource is never approved by its provider alone.
      if (step.row.sharing_type === 'conditional') throw DataErrors.requestState();
      return approve(step);
    },
    forward: async (step) => {
      const { set, payload } = narrowed(step);
      const dueAt = await k.calendar.addWorkingDays(step.now, DECIDE_DAYS);
      return { set: { ...set, due_at: dueAt }, payload, dueAt };
    },
    refuse,
    bureau_approve: approve,
    bureau_refuse: refuse,
  };
}

/** Sharing requests (共享申请) as a record kind of the kernel's action engine. */
export function requestKind(k: Kernel, policy: Policy, requests: SharingRequests, workflows: WorkflowVersions): RecordKind<DecidableRequest, RequestStepInput> {
  return {
    objectType: 'data.request',
    table: 'data_request',
    log: REQUEST_LOG,
    topic: DATA_REQUEST_DECIDED,
    handlers: requestHandlers(k, requests),
    load: (_who, id) => requests.decidable(id),
    /** The provider decides; for conditional resources the data bureau decides after it. */
    actorOf: (who, req) => {
      if (req.state === 'bureau_review') assertAllowed(policy, who, 'data.bureau', { regionCode: req.region_code });
      else {
        assertAllowed(policy, who, 'data.decide', { regionCode: req.region_code, departmentId: req.provider_department_id });
        if (who.departmentId !== req.provider_department_id && !policy.can(who, 'data.bureau', { regionCode: req.region_code })) throw DataErrors.notProvider();
      }
      return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    },
    definition: (req) => workflows.get(req.workflow_version),
    units: (req) => req.provider_department_id,
    opinionOf: (input) => input.reason ?? null,
    eventOf: ({ row }) => ({ number: row.number, resourceCode: row.resource_code }),
    errors: { notInState: DataErrors.requestState, stateChanged: DataErrors.requestState },
  };
}
