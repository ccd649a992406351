import type { Kernel } from '../../kernel/index.ts';
import { ActionLog, noEffect, type ActionHandler, type RecordKind, type Step } from '../../kernel/workflow/index.ts';
import type { Applications, AppRow, MaterialRef } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { clocksOf, moveClocks } from './deadlines.ts';
import { ServicesErrors } from './errors.ts';
import type { DecisionKind } from './decision-port.ts';
import { resultNotice } from './result-notice.ts';
import { assertSeparated, reviewersOf } from './separation.ts';
import type { ActionBody } from './schema.ts';
import { APPLICATION_STEPPED } from './events.ts';

/** The 办件 action log (办理过程), of the kernel's one shape. */
export const APPLICATION_LOG = new ActionLog('services_action', 'application_id');

type AppStep = Step<AppRow & { id: string; state: string; version: number; region_code: string; reviewers?: string[] }, ActionBody>;
type Handler = ActionHandler<AppStep['row'], ActionBody>;

/** The actions an item's workflow may name: each has its handler below. */
export const APPLICATION_ACTIONS = [
  'accept',
  'pass_review',
  'reject',
  'withdraw',
  'request_supplement',
  'review_supplement',
  'supplement',
  'resupply',
  'approve',
  'deny',
  'deliver',
  'instant_approve',
] as const;

/**
 * What the steps of an application do beyond moving its state. Item workflows are edited in
 * admin, so a definition may name only these actions (checked when an item version is saved).
 */
function applicationHandlers(k: Kernel, apps: Applications, catalogue: Catalogue): Record<(typeof APPLICATION_ACTIONS)[number], Handler> {
  /** 一次性告知补正: the list of what to correct stays on the application while it waits. */
  const askForCorrections: Handler = ({ input }) => ({ set: { supplement_items: JSON.stringify(input.items ?? []) } });

  /** The applicant answers a 补正: corrected fields and materials are checked like a new submission. */
  const sendCorrections: Handler = async ({ who, row, input }) => {
    const v = await catalogue.version(row.item_version_id);
    const set: Record<string, unknown> = {};
    if (input.form) {
      const acc = await apps.identity.accountRow(row.applicant_account_id);
      const applicant = (acc && (await apps.identity.principalOf(acc, null, row.enterprise_id))) ?? who;
      const old = JSON.parse(k.crypto.decryptField(row.form_enc)) as Record<string, unknown>;
      set.form_enc = k.crypto.encryptField(JSON.stringify(await apps.completedForm(applicant, v, { ...old, ...input.form })));
    }
    if (input.materials) {
      const current = new Map((row.materials as MaterialRef[]).map((m) => [m.code, m]));
      for (const m of input.materials) current.set(m.code, m);
      set.materials = JSON.stringify(await apps.checkMaterials(v, [...current.values()], [who.accountId, row.applicant_account_id], who));
    }
    return { set };
  };

  /** A decision (准予, 不予, 不予受理): the sealed 决定书/通知书 belongs to the applicant and is stored with the step. */
  const decide =
    (kind: DecisionKind): Handler =>
    async ({ who, row, input, now }) => {
      if (row.result_file_id) return {};
      const v = await catalogue.version(row.item_version_id);
      const c = v.content;
      const item = { code: v.code, name: c.name, nameEn: c.nameEn ?? null, itemType: c.itemType, legalBasis: c.legalBasis };
      return { before: async (trx) => ({ result_file_id: await resultNotice(k, trx, apps.decisions, { ...row, item }, kind, input, who, now) }) };
    };

  /** 出件: how the result reached the applicant. */
  const deliver: Handler = ({ input, now }) => ({ set: { delivered_at: now, delivery: input.delivery } });

  return {
    accept: noEffect,
    pass_review: noEffect,
    reject: decide('rejection'),
    withdraw: noEffect,
    request_supplement: askForCorrections,
    review_supplement: askForCorrections,
    supplement: sendCorrections,
    resupply: sendCorrections,
    approve: decide('approval'),
    /** 秒批: the same 准予 decision, taken by the platform (instant.ts adds the rule's explanation). */
    instant_approve: decide('approval'),
    deny: decide('refusal'),
    deliver,
  };
}

/** Applications (办件) as a record kind of the kernel's action engine. */
export function applicationKind(k: Kernel, apps: Applications, catalogue: Catalogue): RecordKind<AppStep['row'], ActionBody> {
  return {
    objectType: 'services.application',
    table: 'services_application',
    log: APPLICATION_LOG,
    topic: APPLICATION_STEPPED,
    handlers: applicationHandlers(k, apps, catalogue),
    load: (who, id) => apps.stepRow(who, id) as Promise<AppStep['row']>,
    actorOf: (who, row) => {
      const actor = apps.actorFor(who, row);
      if (actor.kind === 'staff' && row.assignee_id && row.assignee_id !== who.accountId) throw ServicesErrors.claimedByOther(row.assignee_name ?? '');
      return actor;
    },
    definition: async (row) => (await catalogue.version(row.item_version_id)).content.workflow,
    units: (row) => row.department_id,
    /** 审批分离: the item says whether the reviewer may also decide. */
    guard: async (who, row, action) => assertSeparated((await catalogue.version(row.item_version_id)).content, action, who, row.reviewers ? new Set(row.reviewers) : await reviewersOf(k.db, row.id)),
    opinionOf: (input) => input.opinion ?? null,
    /** Every step: the clocks move, the claim is released, the step's outcome and handler are kept. */
    async stepColumns({ who, row, action, actor, def, ended, now }) {
      const v = await catalogue.version(row.item_version_id);
      const clocks = await moveClocks(k.calendar, def, row.state, action, clocksOf(row), v.content.promisedDays, now);
      const paused = def.states[action.to].kind === 'paused';
      return {
        open: !ended,
        outcome: action.outcome ?? row.outcome,
        ...clocks,
        // 补正清单 stays while the application waits in a paused state, and is cleared when it leaves.
        ...(action.requires?.includes('items') || paused ? {} : { supplement_items: JSON.stringify([]) }),
        assignee_id: null,
        assignee_name: null,
        handled_by: actor.kind === 'staff' ? who.accountId : row.handled_by,
        state_entered_at: now,
      };
    },
    payloadOf: ({ input, action }, set) => ({ reason: input.reason, items: input.items, delivery: input.delivery, outcome: action.outcome, dueAt: set.due_at ?? null }),
    eventOf: ({ row, action, actor, input }) => ({
      actorType: actor.kind,
      outcome: action.outcome ?? null,
      departmentId: row.department_id,
      itemVersionId: row.item_version_id,
      bundleApplicationId: row.bundle_application_id ?? null,
      reason: input.reason ?? null,
      items: input.items ?? null,
    }),
    errors: { notInState: ServicesErrors.notInState, stateChanged: ServicesErrors.stateChanged },
  };
}
