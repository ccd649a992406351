import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { noEffect, stepActorOf, type ActionHandler, type RecordKind } from '../../../kernel/workflow/index.ts';
import { need } from '../area.ts';
import type { DocumentInput } from '../ports.ts';
import type { Finding } from './check.ts';
import { ReviewErrors } from './errors.ts';
import { DRAFT_STEPPED } from './events.ts';
import { DRAFT_LOG, type DraftRow, type Drafts } from './service.ts';
import { reviewDb } from './tables.ts';
import { PERMISSION_OF } from './workflow.ts';

/** A step's input as the engine sees it. */
export interface DraftActionInput {
  action: string;
  expectedVersion?: number;
  outcome?: string;
  opinion?: string;
  basis?: string;
  reason?: string;
  /** 提交: what the content check found (computed before the step from the row it read). */
  findings?: (Finding & { state: 'open' | 'waived'; waivedBy?: string | null; waivedByName?: string | null; waiveReason?: string | null; waivedAt?: Date | null })[];
  checkState?: 'clear' | 'review' | 'blocked';
  /** 审批: the document to publish (its 原文 resolved) and the 解读 drafts that go with it. */
  publish?: DocumentInput;
  companions?: { id: string; version: number; input: DocumentInput }[];
  /** Filled by the step: what the library published. */
  published?: { draftId: string; id: string; indexNo: string | null }[];
}
type Handler = ActionHandler<DraftRow, DraftActionInput>;

/** Locks the draft for the step and makes sure nobody acted in between (before any library write). */
async function lockAt(trx: Tx, row: DraftRow): Promise<void> {
  const r = await sql<{ id: string }>`SELECT id FROM openness_draft WHERE id = ${row.id} AND version = ${row.version} FOR UPDATE`.execute(trx);
  if (!r.rows.length) throw ReviewErrors.changed();
}

function handlers(drafts: Drafts): Record<string, Handler> {
  /** 提交: the check's findings are stored with the round; waivers of the same finding carry over. */
  const submit: Handler = ({ row, input, now }) => {
    const round = row.check_round + 1;
    const findings = input.findings ?? [];
    const byKind: Record<string, number> = {};
    for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    return {
      set: { check_round: round, check_state: input.checkState ?? 'clear', checked_at: now },
      payload: { round, findings: byKind, check: input.checkState ?? 'clear' },
      opinion: null,
      after: async (trx) => {
        if (!findings.length) return;
        await reviewDb(trx)
          .insertInto('openness_draft_finding')
          .values(
            findings.map((f) => ({
              id: uuidv7(),
              draft_id: row.id,
              region_code: row.region_code,
              round,
              kind: f.kind,
              field: f.field,
              item: f.item,
              paragraph: f.paragraph,
              offset: f.offset,
              start: f.start,
              length: f.length,
              excerpt: f.excerpt,
              term: f.term,
              waivable: f.waivable,
              state: f.state,
              waived_by: f.waivedBy ?? null,
              waived_by_name: f.waivedByName ?? null,
              waive_reason: f.waiveReason ?? null,
              waived_at: f.waivedAt ?? null,
              created_at: now,
            })),
          )
          .execute();
      },
    };
  };

  const secrecyPass: Handler = ({ who, input, now }) => ({
    set: { reviewer_id: who.accountId, reviewer_name: who.name, review_basis: input.basis?.trim() ?? null, reviewed_at: now },
    payload: { basis: input.basis?.trim() ?? null },
  });

  /**
   * 审批: the library publishes (or changes, or withdraws) in this step's transaction; a 原文's 解读
   * drafts that passed 保密审查 are published right after it, linked to it (同步发布).
   */
  const approve: Handler = ({ who, row, input, now }) => {
    const library = need(drafts.ctx, 'library');
    const published: { draftId: string; id: string; indexNo: string | null }[] = [];
    input.published = published;
    const payload: Record<string, unknown> = {};
    return {
      payload,
      before: async (trx) => {
        await lockAt(trx, row);
        const set: Record<string, unknown> = { approver_id: who.accountId, approver_name: who.name, approved_at: now };
        if (row.purpose === 'publish') {
          const p = await library.publish(trx, who, input.publish!, { reviewId: row.id });
          published.push({ draftId: row.id, id: p.id, indexNo: p.indexNo });
          Object.assign(set, { published_id: p.id, published_index_no: p.indexNo });
          Object.assign(payload, { publishedId: p.id, indexNo: p.indexNo });
        } else if (row.purpose === 'change') {
          await library.change(trx, who, row.target_id!, input.publish!, { reviewId: row.id, note: row.reason ?? '' });
          published.push({ draftId: row.id, id: row.target_id!, indexNo: null });
          Object.assign(set, { published_id: row.target_id });
          Object.assign(payload, { changed: row.target_id, reason: row.reason });
        } else {
          await library.withdraw(trx, who, row.target_id!, row.reason ?? '');
          Object.assign(set, { published_id: row.target_id });
          Object.assign(payload, { withdrawn: row.target_id, reason: row.reason });
        }
        return set;
      },
      after: async (trx) => {
        const original = published[0];
        for (const c of input.companions ?? []) {
          const p = await library.publish(trx, who, { ...c.input, interpretationOf: original.id }, { reviewId: c.id, note: '随原文同步发布' });
          published.push({ draftId: c.id, id: p.id, indexNo: p.indexNo });
          await drafts.publishCompanion(trx, who, c, row, p, now);
        }
      },
    };
  };

  return {
    submit,
    submit_blocked: submit,
    submit_withdrawal: noEffect,
    discard: noEffect,
    secrecy_pass: secrecyPass,
    secrecy_return: noEffect,
    approve,
    approve_return: noEffect,
    // Taken only inside a 原文's approval (Drafts.publishCompanion), never on its own.
    publish_with_original: () => {
      throw ReviewErrors.notInState();
    },
  };
}

/** Drafts as a record kind of the kernel's action engine. */
export function draftKind(drafts: Drafts): RecordKind<DraftRow, DraftActionInput> {
  const { policy } = drafts.ctx;
  return {
    objectType: 'openness.draft',
    table: 'openness_draft',
    log: DRAFT_LOG,
    topic: DRAFT_STEPPED,
    handlers: handlers(drafts),
    load: (who, id) => drafts.visibleRow(who, id),
    actorOf: (who) => ({ kind: 'staff', roles: who.roles, departmentId: who.departmentId }),
    definition: (row) => drafts.workflows.get(row.workflow_version),
    units: (row) => row.department_id,
    /** Deny by default: each step's permission, in the draft's department. */
    guard: (who, row, action) => {
      assertAllowed(policy, who, PERMISSION_OF[action.code] ?? 'openness.manage', { regionCode: row.region_code, departmentId: row.department_id });
    },
    opinionOf: (input) => input.opinion ?? input.reason ?? null,
    payloadOf: ({ input, action }) => ({ outcome: input.outcome ?? action.outcome ?? null, reason: input.reason ?? null }),
    eventOf: ({ row }, set) => ({
      departmentId: row.department_id,
      purpose: row.purpose,
      title: row.title,
      publishedId: (set.published_id as string | undefined) ?? row.published_id,
    }),
    errors: { notInState: ReviewErrors.notInState, stateChanged: ReviewErrors.changed },
  };
}

export const stepActor = (who: Principal) => ({ audit: actorOf(who), step: stepActorOf(who) });
