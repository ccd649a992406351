import { DomainError } from '../http/errors.ts';

type Problem = { path: string; message: string };

/** What is wrong with a rule, said so its author can fix it; every refusal is 422 with the place. */
export const RuleErrors = {
  unknownFact: (path: string, fact: string) => new DomainError('RULE_UNKNOWN_FACT', 422, `规则引用了未声明的事实“${fact}”`, `The rule uses an undeclared fact "${fact}"`, [{ path, message: fact }]),
  typeMismatch: (path: string, fact: string, expected: string, got: unknown) =>
    new DomainError(
      'RULE_TYPE_MISMATCH',
      422,
      `事实“${fact}”为${TYPE_ZH[expected] ?? expected}，不能与 ${JSON.stringify(got)} 比较`,
      `The fact "${fact}" is a ${expected} and cannot be compared with ${JSON.stringify(got)}`,
      [{ path, message: `${expected} ≠ ${JSON.stringify(got)}` }],
    ),
  notAllowedValue: (path: string, fact: string, got: unknown) =>
    new DomainError('RULE_VALUE_NOT_ALLOWED', 422, `事实“${fact}”没有取值 ${JSON.stringify(got)}`, `The fact "${fact}" never takes the value ${JSON.stringify(got)}`, [{ path, message: String(got) }]),
  unsupported: (path: string, op: string) =>
    new DomainError(
      'RULE_UNSUPPORTED',
      422,
      `规则中不支持的写法“${op}”：只能比较事实与常量，并用“且、或、非”组合`,
      `Unsupported rule element "${op}": compare facts with constants and combine with and, or, not`,
      [{ path, message: op }],
    ),
  empty: (path: string) => new DomainError('RULE_EMPTY', 422, '规则没有任何条件，会让所有人符合', 'The rule has no condition and would match everyone', [{ path, message: 'no condition / 无条件' }]),
  mixedSubjects: (path: string) =>
    new DomainError('RULE_MIXED_SUBJECTS', 422, '一条规则只能针对个人或企业之一', 'A rule speaks of persons or of entities, not both', [{ path, message: 'person + entity' }]),
  tooLarge: () =>
    new DomainError('RULE_TOO_LARGE', 422, '规则过大或嵌套过深（最多 200 个条件、8 层）', 'The rule is too large or too deep (at most 200 conditions, 8 levels)', [
      { path: '', message: 'size / 规模' },
    ]),
  testsFailing: (problems: Problem[]) =>
    new DomainError(
      'RULE_TESTS_FAILING',
      422,
      '规则的测试用例未全部通过（至少需要一个符合和一个不符合的用例），不能发布',
      'The rule cannot be published until its test cases pass (at least one eligible and one not)',
      problems,
    ),
  badAmount: (path: string, message: string) => new DomainError('RULE_AMOUNT_INVALID', 422, '金额规则有误', 'The amount rule is not valid', [{ path, message }]),
};

const TYPE_ZH: Record<string, string> = { number: '数值', string: '文本', boolean: '是否', date: '日期' };
