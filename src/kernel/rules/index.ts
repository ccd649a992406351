export { factCatalog, type FactCatalog, type FactDecl, type FactType, type FactValues, type Subject } from './facts.ts';
export { parseRule, type Rule, type RuleNode, type Literal } from './rule.ts';
export { evaluate, type ConditionTrace, type Evaluation, type Truth } from './evaluate.ts';
export { compileSql, type FactColumn } from './sql.ts';
export { parseAmount, amountOf, compileAmountSql, type AmountRule } from './amount.ts';
export { runRuleTests, requirePassingTests, type RuleTest, type RuleTestResult } from './tests.ts';
export { describeRule } from './describe.ts';
export { RuleErrors } from './errors.ts';
