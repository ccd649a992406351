import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** 有条件开放's own refusals, each with a stable code and zh/en words. */
export const GrantErrors = {
  notFound: () => new DomainError('OPENDATA_APPLICATION_NOT_FOUND', 404, '未找到该有条件开放申请', 'The conditional-access application was not found'),
  datasetNotFound: () => new DomainError('OPENDATA_DATASET_NOT_FOUND', 404, '未找到该数据集', 'The dataset was not found', at('/dataset', 'unknown dataset / 数据集不存在')),
  notConditional: () =>
    new DomainError(
      'OPENDATA_DATASET_NOT_CONDITIONAL',
      422,
      '只有已发布的有条件开放数据集才能申请',
      'Only a published dataset opened on conditions can be applied for',
      at('/dataset', 'not a published conditional dataset / 非已发布的有条件开放数据集'),
    ),
  applicantOnly: () =>
    new DomainError('OPENDATA_APPLICANT_ONLY', 403, '有条件开放须由个人或企业在门户登录后申请', 'Conditional access is applied for by a person or an enterprise signed in to the portal'),
  realName: () => new DomainError('OPENDATA_REAL_NAME_REQUIRED', 403, '签署数据利用协议须先完成实名认证', 'Verify your real name before applying: the data use agreement is signed in it'),
  unknownItems: (codes: string[]) =>
    new DomainError(
      'OPENDATA_UNKNOWN_ITEMS',
      422,
      `数据集中没有这些数据项：${codes.join('、')}`,
      `The dataset has no items ${codes.join(', ')}`,
      at('/items', 'not items of the dataset / 非本数据集的数据项'),
    ),
  duplicateItems: () => new DomainError('OPENDATA_DUPLICATE_ITEMS', 422, '数据项重复', 'An item is named twice', at('/items', 'duplicate item / 数据项重复')),
  rowScope: () =>
    new DomainError(
      'OPENDATA_ROW_SCOPE_OUTSIDE',
      422,
      '数据范围须为数据集覆盖地区之内的行政区划代码',
      'The row scope must be a region code within the area the dataset covers',
      at('/rowRegion', 'outside the dataset / 超出数据集覆盖范围'),
    ),
  period: () =>
    new DomainError(
      'OPENDATA_PERIOD_INVALID',
      422,
      '使用期限有误：须为真实日期，开始不早于今天，结束不早于开始，且不超过一年',
      'The period must be real days, starting today or later, ending on or after its start and lasting at most one year',
      at('/periodTo', 'bad period / 期限有误'),
    ),
  text: (path: string) => new DomainError('OPENDATA_TEXT_INVALID', 422, '文本含有不允许的字符', 'The text contains characters that are not allowed', at(path, 'control characters / 含控制字符')),
  notSigned: () => new DomainError('OPENDATA_AGREEMENT_NOT_SIGNED', 409, '须先阅读并签署数据利用协议，才能提交申请', 'Read and sign the data use agreement before submitting the application'),
  alreadySigned: () => new DomainError('OPENDATA_AGREEMENT_ALREADY_SIGNED', 409, '数据利用协议已签署，不能再次签署', 'The data use agreement is already signed'),
  signerName: () =>
    new DomainError('OPENDATA_SIGNER_NAME', 422, '签署人姓名须与您登录的实名一致', 'The name you type must be the name you are signed in with', at('/name', 'not your name / 与实名不符')),
  agreementChanged: () =>
    new DomainError(
      'OPENDATA_AGREEMENT_CHANGED',
      409,
      '您签署的协议文本与当前协议不一致，请刷新后重新阅读',
      'The agreement you signed is not the current text; reload and read it again',
      at('/agreementHash', 'different text / 文本不一致'),
    ),
  state: () => new DomainError('OPENDATA_APPLICATION_STATE', 409, '申请当前状态不允许此操作', "The application's current state does not allow this action"),
  stateChanged: () => new DomainError('OPENDATA_APPLICATION_CHANGED', 409, '该申请已被他人处理，请刷新后重试', 'Someone else acted on this application first; reload and try again'),
  notProvider: () => new DomainError('OPENDATA_NOT_PROVIDER', 403, '只有数据提供部门的数据专员可以审核此申请', "Only a data steward of the dataset's provider may review this application"),
  noCredentials: () => new DomainError('OPENDATA_CREDENTIALS_GONE', 409, '凭据只能领取一次，已领取或尚未签发', 'Credentials are collected once: they were already collected or were never issued'),
  notApi: () => new DomainError('OPENDATA_NOT_API_DELIVERY', 409, '该申请不是接口方式交付，没有网关凭据', 'This application is not delivered through the API; it has no gateway credentials'),
  badCursor: () => new DomainError('OPENDATA_BAD_CURSOR', 400, '分页参数无效', 'The page cursor is not valid', at('/after', 'bad cursor / 分页参数无效')),
};
