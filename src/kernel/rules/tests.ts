import { RuleErrors } from './errors.ts';
import { evaluate, type Truth } from './evaluate.ts';
import type { FactCatalog, FactValues } from './facts.ts';
import { amountOf, parseAmount, type AmountRule } from './amount.ts';
import { parseRule, type Rule } from './rule.ts';

/** A test case a rule must pass before it is published: given these facts, eligible or not, paying this. */
export interface RuleTest {
  name: string;
  facts: FactValues;
  eligible: boolean;
  /** Expected amount in fen, when the rule pays one. */
  amountFen?: number | null;
}

export interface RuleTestResult {
  name: string;
  passed: boolean;
  eligible: Truth;
  amountFen: number | null;
  problem?: string;
}

/**
 * Runs a rule's test cases (as OpenFisca requires tests for its formulas). A case naming an
 * undeclared fact, or a value of the wrong type, fails with the reason instead of being skipped.
 */
export function runRuleTests(rule: Rule, amount: AmountRule | null, tests: readonly RuleTest[], facts: FactCatalog): RuleTestResult[] {
  const { node } = parseRule(rule, facts);
  const tiers = amount ? parseAmount(amount, facts) : null;
  return tests.map((t) => {
    const wrong = Object.entries(t.facts ?? {}).find(([k, v]) => {
      const d = facts.get(k);
      if (!d) return true;
      if (v === null) return false;
      return d.type === 'date' ? typeof v !== 'string' : typeof v !== d.type;
    });
    if (wrong) return { name: t.name, passed: false, eligible: 'unknown' as const, amountFen: null, problem: `fact ${wrong[0]} undeclared or of the wrong type / 事实未声明或类型不符` };
    const { result } = evaluate(node, t.facts);
    const fen = tiers && result === true ? amountOf(tiers, t.facts) : null;
    const amountOk = t.amountFen === undefined || !tiers || (result === true ? fen === t.amountFen : true);
    return { name: t.name, passed: (result === true) === t.eligible && amountOk, eligible: result, amountFen: fen };
  });
}

/**
 * The gate before publishing: at least one eligible and one ineligible case (so the boundary is
 * tested from both sides), and every case passing.
 */
export function requirePassingTests(rule: Rule, amount: AmountRule | null, tests: readonly RuleTest[], facts: FactCatalog): RuleTestResult[] {
  const results = runRuleTests(rule, amount, tests, facts);
  const problems = results
    .filter((r) => !r.passed)
    .map((r) => ({ path: `/tests/${r.name}`, message: r.problem ?? `got ${String(r.eligible)}${r.amountFen !== null ? `, ${r.amountFen} fen` : ''} / 实际结果不符` }));
  if (!tests.some((t) => t.eligible)) problems.push({ path: '/tests', message: 'no eligible case / 缺少符合条件的用例' });
  if (!tests.some((t) => !t.eligible)) problems.push({ path: '/tests', message: 'no ineligible case / 缺少不符合条件的用例' });
  if (problems.length) throw RuleErrors.testsFailing(problems);
  return results;
}
