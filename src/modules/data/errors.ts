import { DomainError } from '../../kernel/http/errors.ts';

type Problem = { path: string; message: string };

export const DataErrors = {
  oneSource: (element: string, resource: string, department: string) =>
    new DomainError('DATA_ITEM_HAS_SOURCE', 409, `数据项“${element}”已由“${resource}”（${department}）作为唯一来源提供，一数一源，请引用该资源`, `The data element "${element}" already has its one source: "${resource}" (${department}); use that resource`, [{ path: '/items', message: `${element} → ${resource}` }]),
  codeTaken: () => new DomainError('DATA_RESOURCE_EXISTS', 409, '资源编码已被使用', 'This resource code is already used', [{ path: '/code', message: 'taken / 已使用' }]),
  badResource: (problems: Problem[]) => new DomainError('DATA_RESOURCE_INVALID', 422, '数据资源定义有误', 'The data resource definition is not valid', problems),
  needsBasis: (path: string) => new DomainError('DATA_BASIS_REQUIRED', 422, '有条件共享、不予共享或不予开放须写明依据', 'Conditional or refused sharing and opening need their basis', [{ path, message: 'required / 必填' }]),
  notShared: () => new DomainError('DATA_NOT_SHARED', 409, '该资源不予共享', 'This resource is not shared'),
  unknownItems: (items: string[]) => new DomainError('DATA_UNKNOWN_ITEMS', 422, '申请的数据项不在该资源中', 'Some requested items are not in this resource', [{ path: '/items', message: items.join(', ') }]),
  requestState: () => new DomainError('DATA_REQUEST_STATE', 409, '共享申请当前状态不能执行此操作', 'The sharing request cannot do this in its current state'),
  notProvider: () => new DomainError('DATA_NOT_PROVIDER', 403, '只有提供部门可以审核该申请', 'Only the providing department may decide this request'),
  narrowOnly: () => new DomainError('DATA_NARROW_ONLY', 422, '批准范围只能缩小，不能超出申请', 'An approval may only narrow what was asked', [{ path: '/items', message: 'beyond the request / 超出申请范围' }]),
  period: () => new DomainError('DATA_PERIOD_INVALID', 422, '使用期限须从今天或以后开始，且不超过一年', 'The period must start today or later and last at most a year', [{ path: '/periodTo', message: 'out of range / 超出范围' }]),
  noGrant: () => new DomainError('DATA_GRANT_MISSING', 403, '没有有效的共享授权，或授权已过期、已撤销', 'No valid sharing grant, or it has expired or been revoked'),
  itemNotGranted: (items: string[]) => new DomainError('DATA_ITEM_NOT_GRANTED', 403, '请求的数据项或查询条件超出授权范围', 'The request names items outside the grant', [{ path: '/items', message: items.join(', ') }]),
  badCondition: (message: string) => new DomainError('DATA_CONDITION_INVALID', 400, '查询条件格式有误', 'The query conditions are malformed', [{ path: '/where', message }]),
  rate: () => new DomainError('DATA_GRANT_RATE', 429, '调用过于频繁，超出该授权的频率限制', 'Too many calls for this grant; slow down'),
  upstream: () => new DomainError('DATA_UPSTREAM_FAILED', 502, '上游数据接口暂不可用', 'The upstream data service is not available'),
  untraced: () => new DomainError('DATA_USAGE_NOT_RECORDED', 503, '使用记录未能写入，本次数据未返回，请稍后重试', 'The usage record could not be written, so no data was returned; try again shortly'),
  badRegister: (path: string, message: string) => new DomainError('DATA_REGISTER_INVALID', 422, '登记内容有误', 'The register entry is not valid', [{ path, message }]),
  noRow: () => new DomainError('DATA_ROW_NOT_FOUND', 404, '未找到该条数据', 'No such row in this resource'),
};
