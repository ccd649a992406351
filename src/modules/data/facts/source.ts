import { sql, type RawBuilder } from 'kysely';
import type { Kernel } from '../../../kernel/index.ts';
import { compileAmountSql, compileSql, factCatalog, type FactDecl, type FactValues, type RuleNode, type Subject, type parseAmount } from '../../../kernel/rules/index.ts';
import { FACTS_OF, SUBJECT_SQL, type FactSql } from './declarations.ts';

export interface Matched {
  key: string;
  regionCode: string;
  /** The name masked past its first character (王**), or an entity's registered name. */
  name: string;
  idMasked: string;
  amountFen: number | null;
}

export type SubjectRef = { idNumber: string } | { creditCode: string } | { key: string };

const maskName = (n: string | null) => (n ? n[0] + '*'.repeat(Math.max(1, [...n].length - 1)) : '');

/**
 * Answers rules over the base data (基础库) without handing out its rows: the whole population in
 * one SQL pass for a compiled rule, or one subject's fact values for an explanation. Callers never
 * see ID numbers, only the blind-index key and a masked copy.
 */
export class FactSource {
  constructor(private readonly k: Kernel) {}

  catalog(subject: Subject): FactDecl[] {
    return FACTS_OF[subject].map(({ expr: _expr, ...d }) => d);
  }

  private column(subject: Subject, asOf: string) {
    const bySql = new Map(FACTS_OF[subject].map((f) => [f.code, f]));
    return (d: FactDecl): RawBuilder<unknown> => {
      const f = bySql.get(d.code);
      // A rule checked against another catalogue would name facts this source cannot answer.
      if (!f || f.subject !== subject) throw new Error(`fact ${d.code} is not a ${subject} fact`);
      return f.expr(asOf);
    };
  }

  /** Everyone the rule holds for at `asOf`, with the amount when tiers are given; one row per subject. */
  async match(subject: Subject, node: RuleNode, asOf: string, amount?: ReturnType<typeof parseAmount>): Promise<Matched[]> {
    const s = SUBJECT_SQL[subject];
    const column = this.column(subject, asOf);
    const fen = amount ? compileAmountSql(amount, factCatalog(this.catalog(subject)), column) : sql`NULL::bigint`;
    const r = await sql<{ key: string; region_code: string; name: string | null; masked: string | null; fen: number | string | null }>`
      SELECT DISTINCT ON (${sql.raw(s.key)}) ${sql.raw(s.key)} AS key, ${sql.raw(subject === 'person' ? 'p' : 'e')}.region_code, ${sql.raw(s.name)} AS name, ${sql.raw(s.masked)} AS masked, ${fen} AS fen
      FROM ${s.from}
      WHERE ${sql.raw(s.key)} IS NOT NULL AND (${compileSql(node, column)}) IS TRUE
      ORDER BY ${sql.raw(s.key)}, ${sql.raw(s.updated)} DESC`.execute(this.k.db);
    return r.rows.map((x) => ({ key: x.key, regionCode: x.region_code, name: subject === 'person' ? maskName(x.name) : (x.name ?? ''), idMasked: x.masked ?? '', amountFen: x.fen === null ? null : Number(x.fen) }));
  }

  /** One subject's fact values at `asOf`, or null when the base data does not hold them. */
  async valuesOf(subject: Subject, ref: SubjectRef, asOf: string): Promise<{ key: string; name: string; idMasked: string; values: FactValues } | null> {
    const key = 'key' in ref ? ref.key : 'idNumber' in ref ? this.k.crypto.blindIndex(ref.idNumber.trim().toUpperCase()) : ref.creditCode.trim().toUpperCase();
    const rows = await this.select(subject, asOf, sql`${sql.raw(SUBJECT_SQL[subject].key)} = ${key}`, 1);
    return rows[0] ? { key: rows[0].key, name: rows[0].name, idMasked: rows[0].idMasked, values: rows[0].values } : null;
  }

  /** Every subject's values, a keyset page at a time (agreement checks, benchmarks). */
  async page(subject: Subject, asOf: string, opts: { after?: string; limit: number }): Promise<{ key: string; values: FactValues }[]> {
    const key = sql.raw(SUBJECT_SQL[subject].key);
    const rows = await this.select(subject, asOf, opts.after ? sql`${key} > ${opts.after}` : sql`${key} IS NOT NULL`, Math.min(Math.max(1, opts.limit), 50_000));
    return rows.map(({ key: k, values }) => ({ key: k, values }));
  }

  async count(subject: Subject): Promise<number> {
    const s = SUBJECT_SQL[subject];
    const r = await sql<{ n: number | string }>`SELECT count(DISTINCT ${sql.raw(s.key)}) AS n FROM ${sql.raw(subject === 'person' ? 'data_population p' : 'data_entity e')}`.execute(this.k.db);
    return Number(r.rows[0].n);
  }

  private async select(subject: Subject, asOf: string, where: RawBuilder<unknown>, limit: number) {
    const s = SUBJECT_SQL[subject];
    const facts: FactSql[] = FACTS_OF[subject];
    const cols = sql.join(facts.map((f) => sql`${f.expr(asOf)} AS ${sql.ref(f.code)}`));
    const r = await sql<Record<string, unknown>>`
      SELECT DISTINCT ON (${sql.raw(s.key)}) ${sql.raw(s.key)} AS "$key", ${sql.raw(s.name)} AS "$name", ${sql.raw(s.masked)} AS "$masked", ${cols}
      FROM ${s.from} WHERE ${where}
      ORDER BY ${sql.raw(s.key)}, ${sql.raw(s.updated)} DESC LIMIT ${limit}`.execute(this.k.db);
    return r.rows.map((row) => ({
      key: row.$key as string,
      name: subject === 'person' ? maskName(row.$name as string | null) : ((row.$name as string | null) ?? ''),
      idMasked: (row.$masked as string | null) ?? '',
      values: Object.fromEntries(facts.map((f) => [f.code, normalise(f, row[f.code])])) as FactValues,
    }));
  }
}

/** Drivers return numerics as text and dates as strings; facts come out typed as declared. */
function normalise(f: FactSql, v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (f.type === 'number') return Number(v);
  if (f.type === 'boolean') return Boolean(v);
  if (f.type === 'date') return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return String(v);
}
