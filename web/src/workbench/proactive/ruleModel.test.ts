// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import type { RuleGroupType } from 'react-querybuilder';
import type { FactDecl } from '../../proactive/types';
import { booleansIn, factsIn, fieldsOf, operatorsFor, toJsonLogic, toQuery } from './ruleModel';

// The server's rule checker, loaded by path: the web build's TypeScript settings do not read the kernel's `.ts` imports.
const KERNEL = '../../../../src/kernel/rules/index.ts';
type Kernel = {
  factCatalog(d: FactDecl[]): unknown;
  parseRule(rule: unknown, facts: unknown): { facts: string[] };
  evaluate(node: unknown, values: Record<string, unknown>): { result: unknown };
};
const kernel = (await import(/* @vite-ignore */ KERNEL)) as Kernel;

const src = { resource: 'RK', item: 'x', zh: '人口库', en: 'Population' };
const DECLS: FactDecl[] = [
  { code: 'age', subject: 'person', type: 'number', zh: '年龄', en: 'Age', source: src },
  { code: 'regionCode', subject: 'person', type: 'string', zh: '户籍地', en: 'Region', source: src },
  { code: 'alive', subject: 'person', type: 'boolean', zh: '在世', en: 'Alive', source: src },
  { code: 'assistanceKind', subject: 'person', type: 'string', zh: '救助类别', en: 'Assistance', values: ['低保', '特困'], source: src },
  { code: 'diedOn', subject: 'person', type: 'date', zh: '死亡日期', en: 'Died on', source: src },
];
const CATALOG = new Map(DECLS.map((d) => [d.code, d]));
const SERVER = kernel.factCatalog(DECLS);
const q = (...rules: RuleGroupType['rules']): RuleGroupType => ({ combinator: 'and', rules });
const r = (field: string, operator: string, value: unknown) => ({ field, operator, value });

describe('the visual builder and the server’s rule checker', () => {
  it('writes every offered operator as JsonLogic the server accepts, numbers as JSON numbers', () => {
    const cases: [RuleGroupType, unknown][] = [
      [q(r('age', '>=', '80')), { and: [{ '>=': [{ var: 'age' }, 80] }] }],
      [q(r('age', 'between', ['80', '89'])), { and: [{ '<=': [80, { var: 'age' }, 89] }] }],
      [q(r('regionCode', '=', '152201')), { and: [{ '==': [{ var: 'regionCode' }, '152201'] }] }],
      [q(r('assistanceKind', 'in', ['低保', '特困'])), { and: [{ in: [{ var: 'assistanceKind' }, ['低保', '特困']] }] }],
      [q(r('assistanceKind', 'notIn', ['低保'])), { and: [{ '!': { in: [{ var: 'assistanceKind' }, ['低保']] } }] }],
      [q(r('alive', '=', 'true')), { and: [{ '==': [{ var: 'alive' }, true] }] }],
      [q(r('diedOn', 'null', null)), { and: [{ '==': [{ var: 'diedOn' }, null] }] }],
      [q(r('diedOn', 'notNull', null)), { and: [{ '!=': [{ var: 'diedOn' }, null] }] }],
    ];
    for (const [query, want] of cases) {
      const rule = toJsonLogic(query, CATALOG);
      expect(rule).toEqual(want);
      expect(() => kernel.parseRule(rule, SERVER)).not.toThrow();
    }
  });

  it('keeps and/or/not groups, and reads its own JsonLogic back to the same rule', () => {
    const query: RuleGroupType = {
      combinator: 'and',
      rules: [r('age', '>=', '80'), { combinator: 'or', not: true, rules: [r('assistanceKind', '=', '特困'), r('alive', '=', 'false')] }],
    };
    const rule = toJsonLogic(query, CATALOG);
    const { facts } = kernel.parseRule(rule, SERVER);
    expect(facts.sort()).toEqual(['age', 'alive', 'assistanceKind']);
    expect(toJsonLogic(booleansIn(toQuery(rule), CATALOG), CATALOG)).toEqual(rule);
  });

  it('gives no rule for an empty builder, and an empty builder for no rule', () => {
    expect(toJsonLogic(q(), CATALOG)).toBeNull();
    expect(toQuery(null).rules).toEqual([]);
    expect(toQuery('not json logic').rules).toEqual([]);
  });

  it('offers only comparisons that fit the fact’s type, and closed lists as choices', () => {
    expect(operatorsFor(DECLS[1]!)).not.toContain('>');
    expect(operatorsFor(DECLS[2]!)).toEqual(['=', '!=', 'null', 'notNull']);
    const fields = fieldsOf(
      DECLS,
      (d) => d.zh,
      (op) => op,
      ['是', '否'],
    );
    const aid = fields.find((f) => f.name === 'assistanceKind')!;
    expect(aid.values?.map((v) => ('value' in v ? v.value : ''))).toEqual(['低保', '特困']);
    expect(typeof aid.valueEditorType === 'function' && aid.valueEditorType('in')).toBe('multiselect');
    expect(fields.find((f) => f.name === 'age')!.inputType).toBe('number');
  });

  it('lists the facts a rule names, for the test-case columns', () => {
    expect(factsIn({ and: [{ '>=': [{ var: 'age' }, 80] }, { '<=': [1, { var: 'age' }, 3] }, { '!': { in: [{ var: 'assistanceKind' }, ['低保']] } }] })).toEqual(['age', 'assistanceKind']);
  });
});
