import { DomainError } from '../../kernel/http/errors.ts';

type Problem = { path: string; message: string };

export const ProactiveErrors = {
  notFound: (what: 'policy' | 'benefit' | 'run' | 'match') =>
    new DomainError('PROACTIVE_NOT_FOUND', 404, { policy: '没有这项政策', benefit: '没有这项待遇', run: '没有这次运行记录', match: '没有这条匹配' }[what], `There is no such ${what}`),
  codeTaken: () => new DomainError('PROACTIVE_CODE_TAKEN', 409, '政策代码已被使用', 'This policy code is already used', [{ path: '/code', message: 'taken / 已使用' }]),
  subjectMismatch: (ruleSubject: string) =>
    new DomainError(
      'PROACTIVE_SUBJECT_MISMATCH',
      422,
      `规则针对的对象（${ruleSubject === 'person' ? '个人' : '企业'}）与政策的对象不一致`,
      `The rule speaks of ${ruleSubject}s, not of the policy's subject`,
      [{ path: '/subject', message: ruleSubject }],
    ),
  notDraft: () => new DomainError('PROACTIVE_NO_DRAFT', 409, '该政策没有待发布的草稿', 'The policy has no draft to publish'),
  notPublished: () => new DomainError('PROACTIVE_NOT_PUBLISHED', 409, '政策尚未发布，不能运行或核验', 'The policy is not published; it cannot run or check anyone'),
  matchesEveryone: (n: number) =>
    new DomainError('PROACTIVE_MATCHES_EVERYONE', 422, `规则对基础库中全部 ${n} 个对象都成立，请检查条件`, `The rule holds for all ${n} subjects in the base data; check its conditions`, [
      { path: '/rule', message: `${n} / ${n}` },
    ]),
  cycle: (path: string[]) =>
    new DomainError('PROACTIVE_DEPENDENCY_CYCLE', 422, `政策之间的依赖构成循环：${path.join(' → ')}`, `The policies depend on each other in a cycle: ${path.join(' → ')}`, [
      { path: '/dependsOn', message: path.join(' → ') },
    ]),
  unknownDependency: (code: string) =>
    new DomainError('PROACTIVE_DEPENDENCY_UNKNOWN', 422, `依赖的政策“${code}”不存在`, `The policy "${code}" this one depends on does not exist`, [{ path: '/dependsOn', message: code }]),
  itemRequired: () =>
    new DomainError('PROACTIVE_ITEM_REQUIRED', 422, '政策找人须指明申请办理的事项', 'A policy people apply for must name the service item to apply with', [
      { path: '/itemCode', message: 'required / 必填' },
    ]),
  badInput: (problems: Problem[]) => new DomainError('PROACTIVE_INPUT_INVALID', 422, '输入有误', 'The input is not valid', problems),
  notInState: (state: string) => new DomainError('BENEFIT_NOT_IN_STATE', 409, `待遇当前状态为“${STATE_ZH[state] ?? state}”，不能执行此操作`, `The benefit is ${state}; this is not possible now`),
  accountRequired: () =>
    new DomainError('BENEFIT_ACCOUNT_REQUIRED', 422, '此项待遇发放资金，请填写收款账户', 'This benefit pays money: give the account to pay it into', [
      { path: '/account', message: 'required / 必填' },
    ]),
  subjectRequired: () =>
    new DomainError('PROACTIVE_CHECK_SUBJECT', 422, '请提供身份证号（个人政策）或统一社会信用代码（企业政策）', 'Give an ID number (person policies) or a credit code (entity policies)', [
      { path: '/', message: 'idNumber | creditCode' },
    ]),
  paymentExists: () => new DomainError('PROACTIVE_PAYMENT_EXISTS', 409, '该期发放已登记', 'This period’s payment batch is already recorded', [{ path: '/period', message: 'exists / 已登记' }]),
};

const STATE_ZH: Record<string, string> = { offered: '待确认', confirmed: '已确认', declined: '已放弃', paid: '已发放', stopped: '已停发' };
