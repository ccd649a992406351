import { DomainError } from '../../../kernel/http/errors.ts';

const field = (path: string, message: string) => [{ path, message }];

/** The tasks area's own refusals, each with a stable code and zh/en words. */
export const TaskErrors = {
  badTask: (path: string, zh: string, en: string) => new DomainError('REGULATION_TASK_INVALID', 422, `检查任务有误：${zh}`, `The inspection task is not valid: ${en}`, field(path, `${en} / ${zh}`)),
  notNamed: () => new DomainError('REGULATION_TASK_NOT_YOURS', 403, '只有任务指派的检查人员可以录入检查结果', 'Only an inspector named on the task may record its result'),
  notInspector: () => new DomainError('REGULATION_NOT_INSPECTOR', 403, '您不在执法检查人员名录库中', 'You are not in the inspector directory'),
  drawnInspectors: () =>
    new DomainError(
      'REGULATION_TASK_DRAWN',
      409,
      '双随机抽取的检查人员不能改派；确需调整的，应当撤销计划后重新抽取',
      'The inspectors of a double-random task were drawn and cannot be reassigned; cancel the plan and draw again',
    ),
  alreadyRecorded: () => new DomainError('REGULATION_RESULT_RECORDED', 409, '该任务的检查结果已录入，不能重复录入', 'The result of this task was already recorded'),
  pastDeadline: (deadline: string, days: number) =>
    new DomainError(
      'REGULATION_RESULT_PAST_DEADLINE',
      422,
      `已超过结果公示时限（检查结束后 ${days} 个工作日，截至 ${deadline}），不能再录入；该任务计为逾期未公示`,
      `The publication deadline (${days} working days after the inspection ended, ${deadline}) has passed; the result can no longer be recorded and the task counts as overdue`,
    ),
  futureDate: (path: string) => new DomainError('REGULATION_DATE_IN_FUTURE', 422, '日期不能晚于今天', 'The date cannot be later than today', field(path, 'in the future / 晚于今天')),
  beforeTask: (path: string) =>
    new DomainError('REGULATION_DATE_BEFORE_TASK', 422, '检查日期不能早于任务下达日期', 'The inspection date cannot be before the task was made', field(path, 'before the task / 早于任务')),
  badPhoto: (i: number) =>
    new DomainError('REGULATION_BAD_PHOTO', 422, '现场照片须为您本人上传的图片', 'Each photo must be an image you uploaded', field(`/photoIds/${i}`, 'not an image you uploaded / 不是您上传的图片')),
  photoTooLarge: (i: number, max: number) =>
    new DomainError(
      'REGULATION_PHOTO_TOO_LARGE',
      422,
      `现场照片不能超过 ${Math.round(max / 1e6)} MB`,
      `A photo may not exceed ${Math.round(max / 1e6)} MB`,
      field(`/photoIds/${i}`, 'too large / 过大'),
    ),
  notActing: () => new DomainError('REGULATION_NOT_ACTING_FOR', 403, '请先以企业身份办理（选择代办企业）', 'Act for an enterprise first'),
  notLegalRep: () => new DomainError('REGULATION_NOT_LEGAL_REP', 403, '只有企业法定代表人可以提出异议', 'Only the legal representative may object in the enterprise’s name'),
  objectionClosed: (deadline: string) => new DomainError('REGULATION_OBJECTION_CLOSED', 422, `异议期限已过（截至 ${deadline}）`, `The time to object has passed (it ended ${deadline})`),
  objectionExists: () => new DomainError('REGULATION_OBJECTION_EXISTS', 409, '该检查结果已提出过异议', 'An objection to this result was already filed'),
  objectionAnswered: () => new DomainError('REGULATION_OBJECTION_ANSWERED', 409, '该异议已答复', 'This objection was already answered'),
  noObjection: () => new DomainError('REGULATION_NO_OBJECTION', 404, '该任务没有待答复的异议', 'This task has no objection to answer'),
  sameConclusion: () =>
    new DomainError('REGULATION_CORRECTION_SAME', 422, '更正后的结论与原结论相同', 'The corrected conclusion is the same as the original', field('/conclusion', 'unchanged / 未改变')),
  correctionNeedsConclusion: () =>
    new DomainError('REGULATION_CORRECTION_CONCLUSION', 422, '更正时须给出更正后的结论', 'A correction needs the corrected conclusion', field('/conclusion', 'required / 必填')),
  noResult: () => new DomainError('REGULATION_NO_RESULT', 409, '该任务尚未录入检查结果', 'This task has no recorded result yet'),
  notFiled: () => new DomainError('REGULATION_NOT_CASE_FILED', 409, '只有结论为“立案查处”的任务可以录入行政处罚', 'Only a task concluded “case filed” can carry an administrative penalty'),
  penaltyAmount: () =>
    new DomainError(
      'REGULATION_PENALTY_AMOUNT',
      422,
      '罚款、没收须填写金额，其他处罚种类不填金额',
      'A fine or confiscation needs an amount; other kinds take none',
      field('/amountYuan', 'amount / 金额'),
    ),
  decisionNoTaken: () => new DomainError('REGULATION_DECISION_NO_TAKEN', 409, '该处罚决定书文号已登记', 'This penalty decision number is already recorded'),
  staleVersion: () => new DomainError('REGULATION_TASK_CHANGED', 409, '任务已被他人更新，请刷新后重试', 'The task was changed by someone else; reload and try again'),
};
