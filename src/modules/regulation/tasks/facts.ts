import { sql } from 'kysely';
import type { Clock } from '../../../kernel/clock/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { FactSource, IndicatorFacts } from '../ports.ts';
import { PASS_CODES } from './conclusions.ts';

/** The day 24 months before today (China time), as 'YYYY-MM-DD'. */
function monthsBack(clock: Clock, months: number): string {
  const today = cstDate(clock.now());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * What this area tells the credit indicators, over the last 24 months: inspections passed and
 * failed (by inspection date, as corrected after an objection), 行政处罚 (by decision date), and
 * 告知承诺 broken (a commitment-verification task that found a problem). One set-based query.
 */
export function tasksFactSource(clock: Clock): FactSource {
  return async (ex: Executor, creditCodes: string[]) => {
    const out = new Map<string, IndicatorFacts>();
    if (!creditCodes.length) return out;
    const since = monthsBack(clock, 24);
    const codes = [...new Set(creditCodes)];
    const rows = (
      await sql<{ credit_code: string; passed: number; failed: number; broken: number; penalties: number }>`
        WITH c AS (SELECT unnest(${codes}::text[]) AS credit_code),
        t AS (
          SELECT credit_code,
            count(*) FILTER (WHERE conclusion = ANY(${PASS_CODES}::text[]))::int AS passed,
            count(*) FILTER (WHERE problem)::int AS failed,
            count(*) FILTER (WHERE problem AND kind = 'commitment')::int AS broken
          FROM regulation_task
          WHERE credit_code = ANY(${codes}::text[]) AND recorded_at IS NOT NULL AND inspected_on >= ${since}::date
          GROUP BY credit_code),
        p AS (
          SELECT credit_code, count(*)::int AS penalties FROM regulation_penalty
          WHERE credit_code = ANY(${codes}::text[]) AND decided_on >= ${since}::date
          GROUP BY credit_code)
        SELECT c.credit_code, coalesce(t.passed, 0) AS passed, coalesce(t.failed, 0) AS failed, coalesce(t.broken, 0) AS broken, coalesce(p.penalties, 0) AS penalties
        FROM c LEFT JOIN t USING (credit_code) LEFT JOIN p USING (credit_code)`.execute(ex)
    ).rows;
    for (const r of rows)
      out.set(r.credit_code, { inspectionsPassed24m: Number(r.passed), inspectionsFailed24m: Number(r.failed), penalties24m: Number(r.penalties), commitmentsBroken: Number(r.broken) });
    return out;
  };
}
