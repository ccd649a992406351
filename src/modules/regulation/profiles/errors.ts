import { DomainError } from '../../../kernel/http/errors.ts';

/** 画像, 线索 and 审管联动's own refusals, each with a stable code and zh/en words. */
export const ProfilesErrors = {
  badCreditCode: () =>
    new DomainError('REGULATION_BAD_CREDIT_CODE', 400, '统一社会信用代码格式或校验位有误', 'The unified social credit code is malformed or its check character is wrong', [
      { path: '/creditCode', message: 'GB 32100 code / 统一社会信用代码' },
    ]),
  entityUnknown: () => new DomainError('REGULATION_ENTITY_UNKNOWN', 404, '检查对象名录库中没有该市场主体', 'No market entity with this credit code is in the directory'),
  caseUnknown: () => new DomainError('REGULATION_CASE_UNKNOWN', 422, '没有这个编号的 12345 工单', 'No 12345 case has this number', [{ path: '/caseNumber', message: 'unknown case / 工单不存在' }]),
  caseNotComplaint: () =>
    new DomainError('REGULATION_CASE_NOT_COMPLAINT', 422, '只有投诉、举报类工单可以关联到市场主体', 'Only complaints and reports can be linked to a market entity', [
      { path: '/caseNumber', message: 'not a complaint / 非投诉举报' },
    ]),
  caseOutsideRegion: () => new DomainError('REGULATION_CASE_OUTSIDE_REGION', 403, '该工单不在您的管辖范围内', 'The case is outside your jurisdiction'),
  alreadyLinked: () => new DomainError('REGULATION_COMPLAINT_ALREADY_LINKED', 409, '该工单已关联到此市场主体', 'The case is already linked to this entity'),
  complaintUnknown: () => new DomainError('REGULATION_COMPLAINT_UNKNOWN', 404, '没有这条投诉关联', 'No such complaint link'),
  clueExists: () => new DomainError('REGULATION_CLUE_EXISTS', 409, '该投诉已发起过线索核查', 'An inspection was already started from this complaint'),
  inspectorNotEligible: (i: number) =>
    new DomainError('REGULATION_INSPECTOR_NOT_ELIGIBLE', 422, '检查人员不在该部门的执法检查人员名录库中', 'An inspector is not in the department’s inspector directory', [
      { path: `/inspectorIds/${i}`, message: 'not in the directory / 不在名录库' },
    ]),
  inspectorRelated: (i: number) =>
    new DomainError('REGULATION_INSPECTOR_RELATED', 422, '检查人员与该市场主体有利害关系，应当回避', 'The inspector has a declared relation with this entity and must stand aside', [
      { path: `/inspectorIds/${i}`, message: '回避 / conflict of interest' },
    ]),
  dueNotWorkingDay: (day: string) =>
    new DomainError('REGULATION_DUE_NOT_WORKING_DAY', 422, `完成期限 ${day} 不是工作日`, `The due date ${day} is not a working day`, [{ path: '/dueOn', message: 'not a working day / 非工作日' }]),
  dueInPast: (day: string) =>
    new DomainError('REGULATION_DUE_IN_PAST', 422, `完成期限 ${day} 早于今天`, `The due date ${day} is before today`, [{ path: '/dueOn', message: 'in the past / 早于今天' }]),
  casesUnavailable: () => new DomainError('REGULATION_PORT_UNAVAILABLE', 503, '监管所需的服务（12345 工单）暂不可用', 'A service regulation needs (12345 cases) is not available'),
  badDate: () => new DomainError('REGULATION_BAD_DATE', 400, '日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD', [{ path: '/dueOn', message: 'YYYY-MM-DD' }]),
};
