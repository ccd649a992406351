import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import type { CreditClass, CreditClassOf } from '../ports.ts';
import type { Scored } from './score.ts';
import { creditDb, type StoredReason } from './tables.ts';

/** One entity scored, ready to be written. */
export interface ScoredEntity extends Scored {
  creditCode: string;
  regionCode: string;
  entityType: string | null;
}

/** A class or score that moved. */
export interface ClassChange {
  creditCode: string;
  from: CreditClass | null;
  to: CreditClass;
  score: number;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const reasonsOf = (v: unknown): StoredReason[] => (typeof v === 'string' ? JSON.parse(v) : ((v as StoredReason[] | null) ?? []));

/**
 * Writes a batch of scored entities in `trx`: the current class of each (one multi-row upsert),
 * and a history row for each whose class or score changed (or that had none). The current rows
 * are locked first, so two writers of one entity cannot both miss each other's change.
 */
export async function writeClasses(trx: Tx, rows: ScoredEntity[], cause: string, now: Date): Promise<ClassChange[]> {
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.creditCode);
  const current = await sql<{ credit_code: string; class: CreditClass; score: number }>`
    SELECT credit_code, class, score FROM regulation_credit_class WHERE credit_code = ANY(${codes}::text[]) FOR UPDATE`.execute(trx);
  const before = new Map(current.rows.map((r) => [r.credit_code, r]));
  const moved = rows.filter((r) => {
    const b = before.get(r.creditCode);
    return !b || b.class !== r.class || b.score !== r.score;
  });
  await sql`
    INSERT INTO regulation_credit_class (credit_code, region_code, entity_type, class, score, reasons, computed_at, cause)
    SELECT c, r, t, k, s, j::jsonb, ${now}, ${cause}
      FROM unnest(${codes}::text[], ${rows.map((r) => r.regionCode)}::text[], ${rows.map((r) => r.entityType)}::text[], ${rows.map((r) => r.class)}::text[],
                  ${rows.map((r) => r.score)}::int[], ${rows.map((r) => JSON.stringify(r.reasons))}::text[]) AS x(c, r, t, k, s, j)
    ON CONFLICT (credit_code) DO UPDATE SET region_code = excluded.region_code, entity_type = excluded.entity_type, class = excluded.class,
      score = excluded.score, reasons = excluded.reasons, computed_at = excluded.computed_at, cause = excluded.cause`.execute(trx);
  if (moved.length) {
    await sql`
      INSERT INTO regulation_credit_history (id, credit_code, region_code, class, score, previous_class, previous_score, reasons, computed_at, cause)
      SELECT i::uuid, c, r, k, s, pk, ps, j::jsonb, ${now}, ${cause}
        FROM unnest(${moved.map(() => uuidv7())}::text[], ${moved.map((r) => r.creditCode)}::text[], ${moved.map((r) => r.regionCode)}::text[], ${moved.map((r) => r.class)}::text[],
                    ${moved.map((r) => r.score)}::int[], ${moved.map((r) => before.get(r.creditCode)?.class ?? null)}::text[],
                    ${moved.map((r) => before.get(r.creditCode)?.score ?? null)}::int[], ${moved.map((r) => JSON.stringify(r.reasons))}::text[]) AS x(i, c, r, k, s, pk, ps, j)`.execute(trx);
  }
  return moved.map((r) => ({ creditCode: r.creditCode, from: before.get(r.creditCode)?.class ?? null, to: r.class, score: r.score }));
}

/** Current classes; an entity never classified is B (一般). */
export async function classesOf(ex: Executor, codes: string[]): Promise<Map<string, CreditClass>> {
  const out = new Map<string, CreditClass>(codes.map((c) => [c, 'B']));
  if (codes.length === 0) return out;
  const r = await sql<{ credit_code: string; class: CreditClass }>`SELECT credit_code, class FROM regulation_credit_class WHERE credit_code = ANY(${codes}::text[])`.execute(ex);
  for (const row of r.rows) out.set(row.credit_code, row.class);
  return out;
}

export interface CurrentClass extends CreditClassOf {
  regionCode: string;
  entityType: string | null;
  cause: string;
}

export async function currentOf(ex: Executor, code: string): Promise<CurrentClass | null> {
  const r = await creditDb(ex).selectFrom('regulation_credit_class').selectAll().where('credit_code', '=', code).executeTakeFirst();
  if (!r) return null;
  return {
    creditCode: r.credit_code,
    class: r.class,
    score: r.score,
    reasons: reasonsOf(r.reasons),
    computedAt: iso(r.computed_at),
    regionCode: r.region_code,
    entityType: r.entity_type,
    cause: r.cause,
  };
}

export interface HistoryEntry extends CreditClassOf {
  previousClass: CreditClass | null;
  previousScore: number | null;
  cause: string;
}

export async function historyOf(ex: Executor, code: string, limit = 120): Promise<HistoryEntry[]> {
  const rows = await creditDb(ex).selectFrom('regulation_credit_history').selectAll().where('credit_code', '=', code).orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    creditCode: r.credit_code,
    class: r.class,
    score: r.score,
    reasons: reasonsOf(r.reasons),
    computedAt: iso(r.computed_at),
    previousClass: r.previous_class,
    previousScore: r.previous_score,
    cause: r.cause,
  }));
}

export type ClassCounts = Record<CreditClass, number>;
export const noCounts = (): ClassCounts => ({ A: 0, B: 0, C: 0, D: 0 });

/** Counts per class in a region (GB/T 2260 prefix), optionally per county or per entity type. */
export async function distribution(ex: Executor, regionCode: string, by: 'region' | 'entityType' | null): Promise<{ total: ClassCounts; groups: { key: string | null; counts: ClassCounts }[] }> {
  const col = by === 'region' ? sql`region_code` : by === 'entityType' ? sql`entity_type` : sql`NULL::text`;
  const r = await sql<{ g: string | null; class: CreditClass; n: string }>`
    SELECT ${col} AS g, class, count(*) AS n FROM regulation_credit_class WHERE region_code LIKE ${`${regionCode}%`} GROUP BY 1, 2`.execute(ex);
  const total = noCounts();
  const groups = new Map<string | null, ClassCounts>();
  for (const row of r.rows) {
    const n = Number(row.n);
    total[row.class] += n;
    if (!groups.has(row.g)) groups.set(row.g, noCounts());
    groups.get(row.g)![row.class] += n;
  }
  return { total, groups: by ? [...groups.entries()].map(([key, counts]) => ({ key, counts })).sort((a, b) => String(a.key).localeCompare(String(b.key))) : [] };
}
