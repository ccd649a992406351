import { DomainError } from '../../../kernel/http/errors.ts';

/** 互动's own refusals, each with a stable code and zh/en words. */
export const CommunityErrors = {
  datasetNotOpen: (path = '/dataset') =>
    new DomainError('OPENDATA_DATASET_NOT_PUBLISHED', 422, '所指数据集不存在或尚未开放', 'The dataset named does not exist or is not published', [{ path, message: 'not published / 未开放' }]),
  datasetsNotOpen: (ids: string[]) =>
    new DomainError('OPENDATA_DATASET_NOT_PUBLISHED', 422, `以下数据集不存在或尚未开放：${ids.join('、')}`, `These datasets do not exist or are not published: ${ids.join(', ')}`, [
      { path: '/datasets', message: `not published / 未开放: ${ids.join(', ')}` },
    ]),
  blankText: (path: string) => new DomainError('OPENDATA_TEXT_BLANK', 422, '内容不能为空白', 'The text may not be blank', [{ path, message: 'blank / 空白' }]),
  notAuthor: () => new DomainError('OPENDATA_COMMENT_NOT_YOURS', 403, '只能修改自己的评论', 'You may change only your own comments'),
  commentHidden: () => new DomainError('OPENDATA_COMMENT_HIDDEN', 409, '该评论已被隐藏，不能再修改', 'The comment was hidden and can no longer be changed'),
  commentSameState: (state: string) =>
    new DomainError(
      'OPENDATA_COMMENT_ALREADY',
      409,
      state === 'published' ? '该评论已公开' : '该评论已隐藏',
      state === 'published' ? 'The comment is already published' : 'The comment is already hidden',
    ),
  reasonRequired: (path = '/reason') => new DomainError('OPENDATA_REASON_REQUIRED', 422, '请填写理由', 'A reason is required', [{ path, message: 'required / 必填' }]),
  plannedDateRequired: () =>
    new DomainError('OPENDATA_DEMAND_PLANNED_DATE_REQUIRED', 422, '受理时请填写计划开放日期（不早于今天）', 'Accepting a demand needs a planned opening date (today or later)', [
      { path: '/plannedDate', message: 'required, today or later / 必填且不早于今天' },
    ]),
  demandFinal: () => new DomainError('OPENDATA_DEMAND_ANSWERED', 409, '该数据需求已答复办结，不能再改变', 'The demand has a final answer and cannot change'),
  alreadyVoted: () => new DomainError('OPENDATA_DEMAND_ALREADY_VOTED', 409, '您已为该数据需求点过赞', 'You have already supported this demand'),
  unknownDepartment: () =>
    new DomainError('OPENDATA_UNKNOWN_DEPARTMENT', 422, '所选部门不存在或已停用', 'The department does not exist or is inactive', [
      { path: '/departmentId', message: 'unknown department / 部门不存在' },
    ]),
  appReviewed: () => new DomainError('OPENDATA_APP_REVIEWED', 409, '该应用已审核', 'The app has already been reviewed'),
  badUrl: (path = '/url') =>
    new DomainError('OPENDATA_URL_INVALID', 422, '网址须以 http:// 或 https:// 开头', 'The address must start with http:// or https://', [{ path, message: 'http(s) URL / 网址' }]),
  badPeriod: () =>
    new DomainError('OPENDATA_PRODUCT_PERIOD_INVALID', 422, '授权期限的结束日期不能早于开始日期', 'The end of the authorisation period may not come before its start', [
      { path: '/validTo', message: 'before validFrom / 早于开始日期' },
    ]),
  repeated: (path: string) => new DomainError('OPENDATA_REPEATED_VALUE', 422, '同一项不能重复填写', 'A value is given twice', [{ path, message: 'repeated / 重复' }]),
  productWithdrawn: () => new DomainError('OPENDATA_PRODUCT_WITHDRAWN', 409, '该产品已下架', 'The product has been withdrawn'),
  stale: () => new DomainError('OPENDATA_STALE', 409, '内容已被他人修改，请刷新后重试', 'It was changed by someone else; reload and try again'),
};
