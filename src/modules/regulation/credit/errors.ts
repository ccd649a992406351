import { DomainError } from '../../../kernel/http/errors.ts';

type Problem = { path: string; message: string };

/** 信用风险分类's own refusals, each with a stable code and zh/en words. */
export const CreditErrors = {
  badIndicators: (problems: Problem[]) =>
    new DomainError('REGULATION_CREDIT_INDICATORS_INVALID', 422, '信用分类指标配置有误，未保存', 'The credit indicators are not valid; nothing was saved', problems),
  notClassified: () => new DomainError('REGULATION_CREDIT_UNKNOWN_ENTITY', 404, '名录库中没有该市场主体，也没有它的信用分类', 'This market entity is neither in the directory nor classified'),
  runNotFound: () => new DomainError('REGULATION_CREDIT_RUN_NOT_FOUND', 404, '没有这次分类运行', 'There is no such classification run'),
};
