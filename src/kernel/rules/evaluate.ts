import jsonLogic from 'json-logic-js';
import type { FactDecl, FactValues } from './facts.ts';
import type { RuleNode } from './rule.ts';

/** Three-valued: a condition on a fact nobody recorded is neither met nor failed, and never grants. */
export type Truth = true | false | 'unknown';

/** One condition as a decision explains it: the fact, its source, what was asked, what was found. */
export interface ConditionTrace {
  path: string;
  fact: string;
  zh: string;
  en: string;
  source: FactDecl['source'];
  /** The condition in the rule's own words, e.g. `>= 80`, `in 低保,特困`, `between 80..89`. */
  test: string;
  actual: string | number | boolean | null;
  held: Truth;
}

export interface Evaluation {
  result: Truth;
  conditions: ConditionTrace[];
}

/**
 * Evaluates a checked rule for one subject in memory, with the same answer the SQL path gives for
 * that subject: leaves compare through json-logic-js; and/or/not follow Kleene's three-valued logic,
 * which is exactly how SQL treats NULL, so "unknown" never turns into a grant (not even under `!`).
 */
export function evaluate(node: RuleNode, values: FactValues): Evaluation {
  const conditions: ConditionTrace[] = [];
  const result = walk(node, values, conditions);
  return { result, conditions };
}

function walk(n: RuleNode, v: FactValues, out: ConditionTrace[]): Truth {
  switch (n.kind) {
    case 'and': {
      const rs = n.items.map((i) => walk(i, v, out));
      return rs.includes(false) ? false : rs.includes('unknown') ? 'unknown' : true;
    }
    case 'or': {
      const rs = n.items.map((i) => walk(i, v, out));
      return rs.includes(true) ? true : rs.includes('unknown') ? 'unknown' : false;
    }
    case 'not': {
      const r = walk(n.item, v, out);
      return r === 'unknown' ? r : !r;
    }
    default: {
      const actual = v[n.fact.code] ?? null;
      const held = leaf(n, actual);
      out.push({ path: n.path, fact: n.fact.code, zh: n.fact.zh, en: n.fact.en, source: n.fact.source, test: testText(n), actual, held });
      return held;
    }
  }
}

function leaf(n: Exclude<RuleNode, { kind: 'and' | 'or' | 'not' }>, actual: FactValues[string]): Truth {
  if (n.kind === 'known') return (actual !== null) === n.known;
  if (actual === null) return 'unknown';
  const x = { var: 'x' };
  const logic = n.kind === 'cmp' ? { [n.op]: [x, n.value] } : n.kind === 'in' ? { in: [x, n.values] } : { [n.strict ? '<' : '<=']: [n.lo, x, n.hi] };
  return jsonLogic.apply(logic as jsonLogic.RulesLogic, { x: actual }) === true;
}

export function testText(n: Exclude<RuleNode, { kind: 'and' | 'or' | 'not' }>): string {
  if (n.kind === 'cmp') return `${n.op} ${String(n.value)}`;
  if (n.kind === 'in') return `in ${n.values.join(',')}`;
  if (n.kind === 'known') return n.known ? 'recorded' : 'not recorded';
  return `between ${String(n.lo)}..${String(n.hi)}${n.strict ? ' (exclusive)' : ''}`;
}
