import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../ids/index.ts';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';
import { amountOf, compileAmountSql, compileSql, describeRule, evaluate, factCatalog, parseAmount, parseRule, requirePassingTests, type FactDecl, type FactValues } from './index.ts';

const src = (item: string) => ({ resource: 'RK-TEST', item, zh: '测试库', en: 'Test base' });
const FACTS = factCatalog([
  { code: 'age', subject: 'person', type: 'number', zh: '年龄', en: 'Age', unit: { zh: '岁', en: 'years' }, source: src('birthDate') },
  { code: 'region', subject: 'person', type: 'string', zh: '户籍地', en: 'Registered region', source: src('regionCode') },
  { code: 'alive', subject: 'person', type: 'boolean', zh: '在世', en: 'Alive', source: src('death') },
  { code: 'aid', subject: 'person', type: 'string', zh: '救助类别', en: 'Assistance', values: ['低保', '特困'], source: src('kind') },
  { code: 'born', subject: 'person', type: 'date', zh: '出生日期', en: 'Born on', source: src('birthDate') },
  { code: 'staff', subject: 'entity', type: 'number', zh: '参保人数', en: 'Insured staff', source: src('staff') },
] satisfies FactDecl[]);

const ELDERLY = { and: [{ '==': [{ var: 'region' }, '152201'] }, { '>=': [{ var: 'age' }, 80] }, { var: 'alive' }] };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'accepted';
};

describe('reading a rule', () => {
  it('refuses undeclared facts, wrong types, values off a list, unsupported operators, empty and mixed rules', () => {
    expect(code(() => parseRule({ '>=': [{ var: 'income' }, 1] }, FACTS))).toBe('RULE_UNKNOWN_FACT');
    expect(code(() => parseRule({ '>': [{ var: 'age' }, '八十'] }, FACTS))).toBe('RULE_TYPE_MISMATCH');
    expect(code(() => parseRule({ '>': [{ var: 'age' }, '80'] }, FACTS))).toBe('RULE_TYPE_MISMATCH');
    expect(code(() => parseRule({ '>': [{ var: 'born' }, '2020-13-01'] }, FACTS))).toBe('RULE_TYPE_MISMATCH');
    expect(code(() => parseRule({ '==': [{ var: 'aid' }, '富裕'] }, FACTS))).toBe('RULE_VALUE_NOT_ALLOWED');
    expect(code(() => parseRule({ '+': [{ var: 'age' }, 1] }, FACTS))).toBe('RULE_UNSUPPORTED');
    expect(code(() => parseRule({ '>': [{ var: 'region' }, 'a'] }, FACTS))).toBe('RULE_UNSUPPORTED');
    expect(code(() => parseRule({ and: [] }, FACTS))).toBe('RULE_EMPTY');
    expect(code(() => parseRule(true, FACTS))).toBe('RULE_UNSUPPORTED');
    expect(code(() => parseRule({ and: [{ var: 'alive' }, { '>': [{ var: 'staff' }, 3] }] }, FACTS))).toBe('RULE_MIXED_SUBJECTS');
    let deep: unknown = { var: 'alive' };
    for (let i = 0; i < 12; i++) deep = { '!': deep };
    expect(code(() => parseRule(deep, FACTS))).toBe('RULE_TOO_LARGE');
    expect(code(() => parseRule({ or: Array.from({ length: 201 }, () => ({ var: 'alive' })) }, FACTS))).toBe('RULE_TOO_LARGE');
    expect(parseRule(ELDERLY, FACTS).subject).toBe('person');
  });

  it('says the conditions in words for a policy card', () => {
    const { node } = parseRule({ and: [{ '<=': [80, { var: 'age' }, 89] }, { in: [{ var: 'aid' }, ['低保', '特困']] }] }, FACTS);
    expect(describeRule(node, 'zh')).toBe('年龄在80至89岁之间，且救助类别为低保、特困之一');
    expect(describeRule(node, 'en')).toBe('Age between 80 and 89 years; and Assistance is one of 低保, 特困');
  });
});

describe('deciding for one person', () => {
  const { node } = parseRule(ELDERLY, FACTS);
  it('explains which conditions held, with the values and their source', () => {
    const e = evaluate(node, { region: '152201', age: 85, alive: true });
    expect(e.result).toBe(true);
    expect(e.conditions.map((c) => [c.fact, c.actual, c.held, c.source.resource])).toEqual([
      ['region', '152201', true, 'RK-TEST'],
      ['age', 85, true, 'RK-TEST'],
      ['alive', true, true, 'RK-TEST'],
    ]);
    expect(evaluate(node, { region: '152201', age: 79, alive: true }).result).toBe(false);
  });

  it('never grants on what is not recorded, not even through a negation', () => {
    expect(evaluate(node, { region: '152201', alive: true }).result).toBe('unknown');
    expect(evaluate(parseRule({ '!': { '<': [{ var: 'age' }, 80] } }, FACTS).node, {}).result).toBe('unknown');
    expect(evaluate(parseRule({ '==': [{ var: 'aid' }, null] }, FACTS).node, {}).result).toBe(true);
  });

  it('refuses to publish until its cases pass from both sides of the boundary', () => {
    const tests = [
      { name: '80 岁', facts: { region: '152201', age: 80, alive: true }, eligible: true },
      { name: '79 岁', facts: { region: '152201', age: 79, alive: true }, eligible: false },
    ];
    expect(requirePassingTests(ELDERLY, null, tests, FACTS).every((r) => r.passed)).toBe(true);
    expect(code(() => requirePassingTests(ELDERLY, null, [tests[0]], FACTS))).toBe('RULE_TESTS_FAILING');
    expect(code(() => requirePassingTests(ELDERLY, null, [tests[0], { ...tests[1], eligible: true }], FACTS))).toBe('RULE_TESTS_FAILING');
    expect(code(() => requirePassingTests(ELDERLY, null, [...tests, { name: 'x', facts: { age: '八十' }, eligible: false }], FACTS))).toBe('RULE_TESTS_FAILING');
  });
});

describe('the whole population in SQL', () => {
  let t: TestKernel;
  const rows: (FactValues & { id: number })[] = [];
  beforeAll(async () => {
    t = await startTestKernel();
    await sql`CREATE TABLE rules_sample (id int PRIMARY KEY, age int, region text, alive boolean, aid text, born date)`.execute(t.k.db);
    const rnd = seededRandom(19);
    const maybe = <T>(v: T) => (rnd() < 0.1 ? null : v);
    for (let id = 0; id < 600; id++) {
      const age = Math.floor(rnd() * 110);
      rows.push({
        id,
        age: maybe(age),
        region: maybe(rnd() < 0.6 ? '152201' : '152202'),
        alive: maybe(rnd() < 0.95),
        aid: rnd() < 0.2 ? (rnd() < 0.5 ? '低保' : '特困') : null,
        born: maybe(`${2026 - age}-0${1 + Math.floor(rnd() * 9)}-15`),
      });
    }
    await t.k.db.insertInto('rules_sample').values(rows).execute();
  });
  afterAll(() => t.close());

  const column = (d: FactDecl) => sql.ref(d.code);
  const RULES = [
    ELDERLY,
    { or: [{ '<': [90, { var: 'age' }, 100] }, { '!': { in: [{ var: 'aid' }, ['低保']] } }] },
    { '!': { and: [{ '!=': [{ var: 'region' }, '152201'] }, { '==': [{ var: 'alive' }, false] }] } },
    { and: [{ '<': [{ var: 'born' }, '1946-06-01'] }, { '!=': [{ var: 'aid' }, null] }] },
  ];
  it.each(RULES.map((r, i) => [i, r]))('rule %i selects in one query exactly whom the in-memory path grants', async (_i, rule) => {
    const { node } = parseRule(rule, FACTS);
    const matched = await t.k.db
      .selectFrom('rules_sample')
      .select('id')
      .where(sql<boolean>`(${compileSql(node, column)}) IS TRUE`)
      .orderBy('id')
      .execute();
    const granted = rows.filter((r) => evaluate(node, r).result === true).map((r) => r.id);
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.length).toBeLessThan(rows.length);
    expect(matched.map((m) => m.id)).toEqual(granted);
  });

  it('pays the same tiered amount in SQL as in memory (高龄津贴 bands)', async () => {
    const tiers = parseAmount(
      {
        tiers: [
          { when: { '>=': [{ var: 'age' }, 100] }, fen: 30000 },
          { when: { '>=': [{ var: 'age' }, 90] }, fen: 6000 },
          { when: { '>=': [{ var: 'age' }, 80] }, fen: 3000 },
        ],
      },
      FACTS,
    );
    const got = await t.k.db
      .selectFrom('rules_sample')
      .select(['id', compileAmountSql(tiers, FACTS, column).as('fen')])
      .orderBy('id')
      .execute();
    expect(got.map((g) => (g.fen === null ? null : Number(g.fen)))).toEqual(rows.map((r) => amountOf(tiers, r)));
    expect(amountOf(tiers, { age: 95 })).toBe(6000);
    expect(code(() => parseAmount({ tiers: [{ fen: 1.5 }] }, FACTS))).toBe('RULE_AMOUNT_INVALID');
    expect(code(() => parseAmount({ tiers: [{ percentOf: { fact: 'region', percent: 60 } }] }, FACTS))).toBe('RULE_AMOUNT_INVALID');
  });
});
