import type { Executor } from '../../kernel/db/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { WorkflowErrors, type WorkflowAction } from '../../kernel/workflow/index.ts';
import type { ItemContent } from './schema.ts';
import { servicesDb } from './tables.ts';

/** The review step (审查通过) of an application's workflow. */
export const REVIEW_ACTIONS: readonly string[] = ['pass_review'];

/** 审批分离 holds for an item when it says so; an item that says nothing has it when it is a 行政许可. */
export function separationApplies(content: Pick<ItemContent, 'separationOfDuties' | 'itemType'>): boolean {
  return content.separationOfDuties ?? content.itemType === 'licensing';
}

/** A decision step is one that records an outcome (准予许可 / 不予许可). */
export const isDecision = (action: Pick<WorkflowAction, 'outcome'>) => !!action.outcome;

/** Who took the review step of an application, from its action log. */
export async function reviewersOf(ex: Executor, applicationId: string): Promise<Set<string>> {
  const rows = await servicesDb(ex).selectFrom('services_action').select('actor_id').where('application_id', '=', applicationId).where('action', 'in', REVIEW_ACTIONS).execute();
  return new Set(rows.map((r) => r.actor_id));
}

/** Refuses a decision by the person who reviewed the same application, when the item keeps them apart. */
export function assertSeparated(content: Pick<ItemContent, 'separationOfDuties' | 'itemType'>, action: WorkflowAction, who: Principal, reviewers: Set<string>): void {
  if (separationApplies(content) && isDecision(action) && reviewers.has(who.accountId)) throw WorkflowErrors.separationOfDuties();
}
