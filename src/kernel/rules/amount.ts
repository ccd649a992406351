import { sql, type RawBuilder } from 'kysely';
import { RuleErrors } from './errors.ts';
import { evaluate } from './evaluate.ts';
import type { FactCatalog, FactValues } from './facts.ts';
import { parseRule, type Rule, type RuleNode } from './rule.ts';
import { compileSql, type FactColumn } from './sql.ts';

/**
 * What a benefit pays, in fen: the first tier whose condition holds (a tier without one always
 * holds) gives a fixed sum, or a percentage of a number fact (稳岗返还: 60 % of last year's
 * contributions), optionally capped. A tier whose condition is unknown is passed over, in memory
 * as in SQL's CASE, so both paths pay the same.
 */
export interface AmountRule {
  tiers: { when?: Rule; fen?: number; percentOf?: { fact: string; percent: number }; capFen?: number; label?: string }[];
}

interface CheckedTier {
  when: RuleNode | null;
  fen: number | null;
  percentOf: { fact: string; percent: number } | null;
  capFen: number | null;
}

export function parseAmount(a: AmountRule, facts: FactCatalog): CheckedTier[] {
  if (!a || !Array.isArray(a.tiers) || a.tiers.length === 0 || a.tiers.length > 20) throw RuleErrors.badAmount('/tiers', '1–20 tiers / 1–20 档');
  return a.tiers.map((t, i) => {
    const path = `/tiers/${i}`;
    const money = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e12;
    if ((t.fen === undefined) === (t.percentOf === undefined)) throw RuleErrors.badAmount(path, 'fen or percentOf, one of them / 固定金额或比例二选一');
    if (t.fen !== undefined && !money(t.fen)) throw RuleErrors.badAmount(`${path}/fen`, 'integer fen 0–1e12 / 以分计的整数');
    if (t.capFen !== undefined && !money(t.capFen)) throw RuleErrors.badAmount(`${path}/capFen`, 'integer fen / 以分计的整数');
    if (t.percentOf) {
      const d = facts.get(t.percentOf.fact);
      if (!d || d.type !== 'number') throw RuleErrors.badAmount(`${path}/percentOf/fact`, `not a number fact: ${t.percentOf.fact} / 不是数值事实`);
      if (typeof t.percentOf.percent !== 'number' || !(t.percentOf.percent > 0 && t.percentOf.percent <= 100)) throw RuleErrors.badAmount(`${path}/percentOf/percent`, '0 < percent ≤ 100');
    }
    return { when: t.when === undefined ? null : parseRule(t.when, facts).node, fen: t.fen ?? null, percentOf: t.percentOf ?? null, capFen: t.capFen ?? null };
  });
}

/** The amount for one subject, or null when no tier holds or its base fact is unknown. */
export function amountOf(tiers: CheckedTier[], values: FactValues): number | null {
  for (const t of tiers) {
    if (t.when && evaluate(t.when, values).result !== true) continue;
    let fen = t.fen;
    if (t.percentOf) {
      const base = values[t.percentOf.fact];
      if (typeof base !== 'number') return null;
      fen = Math.floor((base * t.percentOf.percent) / 100);
    }
    return t.capFen !== null && fen !== null ? Math.min(fen, t.capFen) : fen;
  }
  return null;
}

/** The same amount as one SQL expression (integer fen), computed in the matching pass. */
export function compileAmountSql(tiers: CheckedTier[], facts: FactCatalog, column: FactColumn): RawBuilder<number | null> {
  const value = (t: CheckedTier): RawBuilder<unknown> => {
    const v = t.percentOf ? sql`floor(${column(facts.get(t.percentOf.fact)!)} * ${t.percentOf.percent}::numeric / 100)` : sql`${t.fen}::numeric`;
    return t.capFen !== null ? sql`least(${v}, ${t.capFen}::numeric)` : v;
  };
  const arms = tiers.map((t) => sql`WHEN ${t.when ? sql`(${compileSql(t.when, column)}) IS TRUE` : sql`true`} THEN ${value(t)}`);
  return sql<number | null>`(CASE ${sql.join(arms, sql` `)} ELSE NULL END)::bigint`;
}
