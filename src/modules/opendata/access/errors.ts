import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** A key's calls this minute are used up; `retryAfter` is the seconds until the next minute. */
export class KeyRateLimited extends DomainError {
  constructor(
    readonly retryAfter: number,
    perMinute: number,
  ) {
    super('OPENDATA_KEY_RATE_LIMITED', 429, `该密钥每分钟最多调用 ${perMinute} 次，请 ${retryAfter} 秒后再试`, `This key may make ${perMinute} calls a minute; try again in ${retryAfter} s`);
  }
}

/** 下载与接口's own refusals, each with a stable code and zh/en words. */
export const AccessErrors = {
  datasetNotFound: () => new DomainError('OPENDATA_DATASET_NOT_FOUND', 404, '未找到该数据集，或它尚未开放', 'The dataset was not found or is not open'),
  conditional: () =>
    new DomainError(
      'OPENDATA_DATASET_CONDITIONAL',
      403,
      '该数据集为有条件开放，不能直接下载或调用；请提交开放申请，获批后通过授权接口使用',
      'This dataset is opened only on conditions: it cannot be downloaded or called directly; apply for it and use the granted interface once approved',
    ),
  notReadable: () => new DomainError('OPENDATA_DATASET_NOT_READABLE', 409, '该数据集的数据由上游接口提供，暂不支持下载', 'This dataset is served by an upstream interface; it cannot be downloaded'),
  noPublishedItems: () => new DomainError('OPENDATA_DATASET_NO_ITEMS', 409, '该数据集没有开放的数据项', 'This dataset has no published data items'),
  keyMissing: () => new DomainError('OPENDATA_KEY_MISSING', 401, '请在请求头 X-API-Key 中提供接口密钥', 'Send your API key in the X-API-Key header', at('/headers/x-api-key', 'missing / 缺少密钥')),
  keyInvalid: () =>
    new DomainError('OPENDATA_KEY_INVALID', 401, '接口密钥无效或已被注销', 'The API key is not valid or has been revoked', at('/headers/x-api-key', 'invalid or revoked / 无效或已注销')),
  keyNotFound: () => new DomainError('OPENDATA_KEY_NOT_FOUND', 404, '未找到该接口密钥', 'The API key was not found'),
  keyRevoked: () => new DomainError('OPENDATA_KEY_REVOKED', 409, '该接口密钥已注销', 'The API key has already been revoked'),
  tooManyKeys: (max: number) =>
    new DomainError('OPENDATA_KEY_LIMIT', 409, `每个账户最多保留 ${max} 个有效密钥，请先注销不用的密钥`, `An account may hold at most ${max} live keys; revoke one you no longer use`),
  keyHolder: () => new DomainError('OPENDATA_KEY_HOLDER', 403, '只有门户账户或工作人员可以申请接口密钥', 'Only portal accounts and staff may register API keys'),
  badName: () => new DomainError('OPENDATA_KEY_NAME', 400, '密钥名称须为 1–60 个可见字符', 'The key name must be 1–60 visible characters', at('/body/name', 'bad name / 名称不符合要求')),
  badCursor: () =>
    new DomainError(
      'OPENDATA_CURSOR_INVALID',
      400,
      '分页游标 after 无效，请使用上一页返回的 next',
      'The paging cursor "after" is not valid; use the "next" of the previous page',
      at('/querystring/after', 'invalid cursor / 游标无效'),
    ),
  unknownFilter: (item: string) =>
    new DomainError(
      'OPENDATA_FILTER_UNKNOWN_ITEM',
      400,
      `不能按「${item}」筛选：它不是该数据集的开放数据项`,
      `Cannot filter on "${item}": it is not a published item of this dataset`,
      at(`/querystring/${item}`, 'not a published item / 非开放数据项'),
    ),
  badFilterValue: (item: string, type: string) =>
    new DomainError(
      'OPENDATA_FILTER_VALUE',
      400,
      `筛选值与数据项「${item}」的类型（${type}）不符`,
      `The filter value does not fit the type of item "${item}" (${type})`,
      at(`/querystring/${item}`, `not a ${type} / 类型不符`),
    ),
  tooManyFilters: () => new DomainError('OPENDATA_FILTER_TOO_MANY', 400, '筛选条件最多 10 个', 'At most 10 filters may be given', at('/querystring', 'too many filters / 筛选过多')),
};
