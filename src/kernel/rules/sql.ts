import { sql, type RawBuilder } from 'kysely';
import type { FactDecl } from './facts.ts';
import type { Literal, RuleNode } from './rule.ts';

/** How a fact is read in SQL: the data backbone gives each declared fact its expression. */
export type FactColumn = (fact: FactDecl) => RawBuilder<unknown>;

const CAST: Record<FactDecl['type'], string> = { number: 'numeric', string: 'text', boolean: 'boolean', date: 'date' };

/**
 * Compiles a checked rule to one parameterised SQL condition, so "who qualifies" is one pass over
 * the whole population. Constants are bound parameters with the fact's type cast, never spliced
 * text. SQL's own NULL logic matches the in-memory evaluator's "unknown"; callers keep only rows
 * where the condition `IS TRUE`.
 */
export function compileSql(node: RuleNode, column: FactColumn): RawBuilder<boolean> {
  const val = (d: FactDecl, v: Literal) => sql`${v}::${sql.raw(CAST[d.type])}`;
  switch (node.kind) {
    case 'and':
    case 'or':
      return sql<boolean>`(${sql.join(
        node.items.map((i) => compileSql(i, column)),
        sql.raw(node.kind === 'and' ? ' AND ' : ' OR '),
      )})`;
    case 'not':
      return sql<boolean>`(NOT ${compileSql(node.item, column)})`;
    case 'cmp': {
      const op = node.op === '==' ? '=' : node.op === '!=' ? '<>' : node.op;
      return sql<boolean>`(${column(node.fact)} ${sql.raw(op)} ${val(node.fact, node.value)})`;
    }
    case 'in':
      return sql<boolean>`(${column(node.fact)} IN (${sql.join(node.values.map((v) => val(node.fact, v)))}))`;
    case 'between': {
      const op = sql.raw(node.strict ? '<' : '<=');
      const c = column(node.fact);
      return sql<boolean>`(${val(node.fact, node.lo)} ${op} ${c} AND ${c} ${op} ${val(node.fact, node.hi)})`;
    }
    case 'known':
      return sql<boolean>`(${column(node.fact)} IS ${sql.raw(node.known ? 'NOT NULL' : 'NULL')})`;
  }
}
