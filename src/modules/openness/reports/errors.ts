import { DomainError } from '../../../kernel/http/errors.ts';

/** 年度报告's own refusals, each with a stable code and zh/en words. */
export const ReportErrors = {
  yearOutOfRange: (first: number, last: number) =>
    new DomainError('OPENNESS_REPORT_YEAR_OUT_OF_RANGE', 400, `年度须在 ${first} 年至 ${last} 年之间`, `The year must be between ${first} and ${last}`, [
      { path: '/year', message: `${first}–${last}` },
    ]),
  draftExists: (year: number) =>
    new DomainError('OPENNESS_REPORT_DRAFT_EXISTS', 409, `${year} 年度报告已有草稿，请在草稿上重新生成或修改`, `There is already a draft of the ${year} report; regenerate or edit it`),
  alreadyPublished: (year: number) =>
    new DomainError('OPENNESS_REPORT_PUBLISHED', 409, `${year} 年度报告已发布，如需更正请新建更正版`, `The ${year} report is published; make a correction to change it`),
  noDraft: (year: number) => new DomainError('OPENNESS_REPORT_NO_DRAFT', 404, `${year} 年度报告没有草稿`, `There is no draft of the ${year} report`),
  notPublished: (year: number) => new DomainError('OPENNESS_REPORT_NOT_PUBLISHED', 404, `${year} 年度报告尚未发布`, `The ${year} report has not been published`),
  stale: () => new DomainError('OPENNESS_REPORT_STALE', 409, '报告已被他人修改，请刷新后重试', 'The report was changed by someone else; reload and try again'),
  yearNotOver: (year: number) =>
    new DomainError('OPENNESS_REPORT_YEAR_NOT_OVER', 422, `${year} 年尚未结束，年度报告须在年度结束后发布`, `${year} is not over yet; a yearly report is published after its year ends`),
  textMissing: (path: string) =>
    new DomainError('OPENNESS_REPORT_TEXT_MISSING', 422, '发布前须填写“总体情况”', 'Write the overview (总体情况) before publishing', [{ path, message: 'required / 必填' }]),
  inconsistent: (problems: { path: string; message: string }[]) =>
    new DomainError(
      'OPENNESS_REPORT_FIGURES_INCONSISTENT',
      422,
      '申请情况表的数字不符合模板的勾稽关系；请核实数据，或填写差异说明后发布',
      'The request figures break the template’s identities; check the records, or publish with an explanation of the difference',
      problems,
    ),
  totalMismatch: (path: string, sum: number) =>
    new DomainError('OPENNESS_REPORT_TOTAL_MISMATCH', 422, `总计应等于各项之和（${sum}）`, `The total must be the sum of its parts (${sum})`, [{ path, message: `sum / 合计 ${sum}` }]),
  blank: (path: string) => new DomainError('OPENNESS_REPORT_TEXT_BLANK', 422, '内容不能为空白', 'The text may not be blank', [{ path, message: 'blank / 空白' }]),
};
