import { DomainError } from '../../../kernel/http/errors.ts';

/** 开放目录's own refusals, each with a stable code and zh/en words. */
export const CatalogueErrors = {
  notFound: () => new DomainError('OPENDATA_DATASET_NOT_FOUND', 404, '未找到该数据集', 'The dataset was not found'),
  field: (path: string, zh: string, en: string) =>
    new DomainError('OPENDATA_DATASET_INVALID', 422, `数据集信息有误：${zh}`, `The dataset description is not valid: ${en}`, [{ path, message: `${en} / ${zh}` }]),
  fields: (problems: { path: string; zh: string; en: string }[]) =>
    new DomainError(
      'OPENDATA_DATASET_INVALID',
      422,
      `数据集信息有误：${problems.map((p) => p.zh).join('；')}`,
      `The dataset description is not valid: ${problems.map((p) => p.en).join('; ')}`,
      problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })),
    ),
  stale: () => new DomainError('OPENDATA_DATASET_STALE', 409, '该数据集已被他人修改，请刷新后重试', 'The dataset was changed by someone else; reload and try again'),
  alreadyPublished: () => new DomainError('OPENDATA_DATASET_ALREADY_PUBLISHED', 409, '该数据集已发布', 'The dataset is already published'),
  notPublished: () => new DomainError('OPENDATA_DATASET_NOT_PUBLISHED', 409, '该数据集未发布，无需撤回', 'The dataset is not published, so there is nothing to withdraw'),
  resourceGone: () =>
    new DomainError(
      'OPENDATA_RESOURCE_NOT_OPEN',
      409,
      '该数据集对应的目录资源已不予开放或已停用，不能发布',
      'The catalogue resource behind this dataset is no longer open or is inactive, so it cannot be published',
    ),
  outsideRegion: () => new DomainError('OPENDATA_DATASET_OUTSIDE_REGION', 403, '该数据集不在您的管辖地区', 'The dataset is outside your region'),
  syncRunning: () => new DomainError('OPENDATA_SYNC_RUNNING', 409, '开放目录正在同步，请稍后再试', 'The open catalogue is being synchronised; try again shortly'),
};
