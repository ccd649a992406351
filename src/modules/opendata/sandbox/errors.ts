import { DomainError } from '../../../kernel/http/errors.ts';

/** The sandbox's refusals, each with a stable code and zh/en words. */
export const SandboxErrors = {
  unknownDataset: () => new DomainError('OPENDATA_SANDBOX_UNKNOWN_DATASET', 404, '没有这个数据集', 'There is no such dataset', [{ path: '/dataset', message: 'unknown dataset / 数据集不存在' }]),
  noAccess: () =>
    new DomainError(
      'OPENDATA_SANDBOX_NO_ACCESS',
      403,
      '您没有该数据集有效的沙箱使用授权（须先申请并获批准“沙箱”方式的有条件开放）',
      'You have no live sandbox access to this dataset (apply for conditional access with sandbox delivery first)',
    ),
  itemsNotAgreed: (paths: { path: string; item: string }[]) =>
    new DomainError(
      'OPENDATA_SANDBOX_ITEM_NOT_AGREED',
      403,
      `以下信息项不在您的数据利用协议范围内：${[...new Set(paths.map((p) => p.item))].join('、')}`,
      `These data items are outside your agreement: ${[...new Set(paths.map((p) => p.item))].join(', ')}`,
      paths.map((p) => ({ path: p.path, message: `not in the agreement / 不在协议范围内: ${p.item}` })),
    ),
  invalid: (problems: { path: string; message: string }[]) => new DomainError('OPENDATA_SANDBOX_QUERY_INVALID', 422, '查询不符合要求', 'The query is not valid', problems),
  nearUnique: (paths: { path: string; item: string }[]) =>
    new DomainError(
      'OPENDATA_SANDBOX_NEAR_UNIQUE_FILTER',
      422,
      `不能按取值几乎唯一的信息项做等值或前缀筛选（可能识别到个人）：${[...new Set(paths.map((p) => p.item))].join('、')}`,
      `An equality or prefix filter on a near-unique item could single out a person: ${[...new Set(paths.map((p) => p.item))].join(', ')}`,
      paths.map((p) => ({ path: p.path, message: `near-unique item / 取值几乎唯一: ${p.item}` })),
    ),
  tooManyGroups: () => new DomainError('OPENDATA_SANDBOX_TOO_MANY_GROUPS', 422, '分组过多，请减少分组信息项或增加筛选条件', 'Too many groups; group by fewer items or filter more'),
  budget: (limit: number) =>
    new DomainError('OPENDATA_SANDBOX_BUDGET_EXHAUSTED', 429, `今日沙箱查询次数已达上限（${limit} 次），请明天再试`, `You have used today's ${limit} sandbox queries; try again tomorrow`),
};
