import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { tokenize } from '../../kernel/search/index.ts';
import type { Classifier } from './classifier.ts';
import { CASE_LOG } from './records.ts';
import type { Channel, Urgency } from './workflow.ts';
import type { CaseWorkflows } from './workflows.ts';

/** A case from the old 12345 system, with what happened to it. */
export interface HistoricalCase {
  createdAt: Date;
  channel: Channel;
  kind: string;
  urgency: Urgency;
  title: string;
  content: string;
  callerPhone?: string;
  address?: string;
  lon?: number;
  lat?: number;
  streetCode?: string | null;
  gridCode?: string | null;
  categoryCode: string;
  departmentId: string;
  centreId: string;
  state: 'closed' | 'replied' | 'handling' | 'dispatched';
  responseDueAt: Date;
  dueAt: Date;
  acceptedAt?: Date;
  repliedAt?: Date;
  closedAt?: Date;
  reply?: string;
  solved?: boolean;
  satisfaction?: number;
  returns?: number;
  overdue?: boolean;
  /** Kept out of training, to measure the classifier on cases it has not seen. */
  heldOut: boolean;
}

const CHUNK = 400;
/** Steps carried over from the old system are logged as the import's, not as any person's. */
const IMPORT_ACTOR = { id: 'import', type: 'system', name: '历史迁移', roles: [], departmentId: null };

/**
 * 历史工单迁移: loads cases from the system being replaced, set-based, with their action rows and
 * one audit entry for the batch, and trains the classifier on them (except the held-out share).
 */
export async function importHistory(k: Kernel, policy: Policy, classifier: Classifier, workflows: CaseWorkflows, who: Principal, records: HistoricalCase[]): Promise<number> {
  const region = k.config.regionCode;
  assertAllowed(policy, who, 'cases.manage', { regionCode: region });
  const { version } = await workflows.latest(region);
  const at = (d?: Date) => d ?? null;
  await k.db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      const ids = chunk.map(() => uuidv7());
      await trx
        .insertInto('cases_case')
        .values(
          chunk.map((r, j) => ({
            id: ids[j],
            number: sql`${`${region}-GD-${cstDate(r.createdAt).replace(/-/g, '')}-`} || lpad(nextval('cases_case_seq')::text, 6, '0')`,
            region_code: region,
            workflow_version: version,
            channel: r.channel,
            kind: r.kind,
            urgency: r.urgency,
            title: r.title,
            content: r.content,
            search: sql`to_tsvector('simple', ${tokenize(`${r.title} ${r.content} ${r.address ?? ''}`).join(' ')})`,
            caller_phone_enc: r.callerPhone ? k.crypto.encryptField(r.callerPhone) : null,
            caller_phone_index: r.callerPhone ? k.crypto.blindIndex(r.callerPhone) : null,
            reporter_id: 'import',
            address: r.address ?? null,
            lon: r.lon ?? null,
            lat: r.lat ?? null,
            street_code: r.streetCode ?? null,
            grid_code: r.gridCode ?? null,
            category_code: r.categoryCode,
            took_first: null,
            state: r.state,
            open: r.state !== 'closed',
            handling_department_id: r.departmentId,
            dispatch_chain: [r.centreId],
            dispatched_at: r.createdAt,
            response_due_at: r.responseDueAt,
            accepted_at: at(r.acceptedAt),
            due_at: r.dueAt,
            replied_at: at(r.repliedAt),
            closed_at: at(r.closedAt),
            overdue: r.overdue ?? false,
            supervision_level: r.overdue ? 1 : 0,
            returns: r.returns ?? 0,
            reply: r.reply ?? null,
            solved: r.solved ?? null,
            satisfaction: r.satisfaction ?? null,
            held_out: r.heldOut,
            created_at: r.createdAt,
            updated_at: r.closedAt ?? r.repliedAt ?? r.acceptedAt ?? r.createdAt,
          })),
        )
        .execute();
      const actions = chunk.flatMap((r, j) => {
        const row = (action: string, from: string | null, to: string, at: Date, opinion: string | null = null) => CASE_LOG.row(ids[j], region, { action, from, to, actor: IMPORT_ACTOR, opinion, at });
        const out = [row('register', null, 'registered', r.createdAt), row('dispatch', 'registered', 'dispatched', r.createdAt)];
        if (r.acceptedAt) out.push(row('accept', 'dispatched', 'handling', r.acceptedAt));
        if (r.repliedAt) out.push(row('reply', 'handling', 'replied', r.repliedAt, r.reply ?? null));
        if (r.closedAt) out.push(row('close', 'replied', 'closed', r.closedAt));
        return out;
      });
      await trx.insertInto('cases_action').values(actions).execute();
    }
    await classifier.learnMany(
      trx,
      records.filter((r) => !r.heldOut).map((r) => ({ text: `${r.title} ${r.content}`, categoryCode: r.categoryCode })),
    );
    await k.recordChange(trx, {
      actor: actorOf(who),
      action: 'history-imported',
      objectType: 'cases.case',
      objectId: region,
      regionCode: region,
      change: { count: records.length, heldOut: records.filter((r) => r.heldOut).length },
      summary: { count: records.length },
    });
  });
  return records.length;
}
