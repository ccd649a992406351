import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf } from '../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { SYSTEM_STEP_ACTOR } from '../../kernel/workflow/index.ts';
import { CASE_LOG } from './records.ts';
import { caseSettings, type CaseSettings } from './settings.ts';

const WORKING_STATES = ['dispatched', 'handling', 'return_review'];

/**
 * The clock's own steps, run by a timer on any node: 催办 before a case's limit, 超期 with 中心督办
 * once it passes, and 升级 to the leaders when it stays overdue. Each change is a set-based update
 * that appends its action rows and audit entries in the same transaction. How long before the
 * limit to remind and how long after it to escalate are each region's rules (settings), so the
 * sweep runs once per region that has working cases.
 */
export async function sweepDeadlines(k: Kernel, trx: Tx): Promise<{ reminded: number; overdue: number; escalated: number }> {
  const counts = { remind: 0, overdue: 0, escalate: 0 };
  const regions = await trx.selectFrom('cases_case').select('region_code').distinct().where('open', '=', true).where('state', 'in', WORKING_STATES).execute();
  for (const { region_code: region } of regions) {
    const { deadlines } = await caseSettings(k.settings, region, { ex: trx });
    for (const [kind, n] of Object.entries(await sweepRegion(k, trx, region, deadlines))) counts[kind as keyof typeof counts] += n;
  }
  return { reminded: counts.remind, overdue: counts.overdue, escalated: counts.escalate };
}

async function sweepRegion(k: Kernel, trx: Tx, region: string, rules: CaseSettings['deadlines']): Promise<Record<string, number>> {
  const now = k.clock.now();
  const soon = new Date(now.getTime() + rules.remindBeforeHours * 3600_000);
  const late = new Date(now.getTime() - rules.escalateAfterHours * 3600_000);
  const steps = [
    { kind: 'remind', set: sql`reminded_at = ${now}`, where: sql`reminded_at IS NULL AND NOT overdue AND due_at BETWEEN ${now} AND ${soon}`, payload: {} },
    {
      kind: 'overdue',
      set: sql`overdue = true, supervision_level = greatest(supervision_level, 1), supervised_at = coalesce(supervised_at, ${now})`,
      where: sql`NOT overdue AND due_at < ${now}`,
      payload: { level: 1 },
    },
    { kind: 'escalate', set: sql`supervision_level = 2, supervised_at = ${now}`, where: sql`overdue AND supervision_level < 2 AND due_at < ${late}`, payload: { level: 2 } },
  ];
  const counts: Record<string, number> = {};
  for (const s of steps) {
    const rows = await sql<{ id: string; region_code: string; number: string; state: string }>`
      WITH changed AS (
        UPDATE cases_case SET ${s.set}, version = version + 1, updated_at = ${now}
        WHERE region_code = ${region} AND open AND state = ANY(${WORKING_STATES}::text[]) AND ${s.where}
        RETURNING id, region_code, number, state),
      acted AS (${CASE_LOG.appendFrom('changed', { action: s.kind, from: sql`m.state`, to: sql`m.state`, actor: SYSTEM_STEP_ACTOR, payload: s.payload, at: now }, { many: true })})
      SELECT * FROM changed`.execute(trx);
    for (const r of rows.rows)
      await k.recordChange(trx, {
        actor: actorOf(SYSTEM_PRINCIPAL),
        action: s.kind,
        objectType: 'cases.case',
        objectId: r.id,
        regionCode: r.region_code,
        change: s.payload,
        summary: { number: r.number },
        event: { topic: `cases.case.${s.kind}`, payload: { id: r.id } },
      });
    counts[s.kind] = rows.rows.length;
  }
  return counts;
}
