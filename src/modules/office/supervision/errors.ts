import { DomainError } from '../../../kernel/http/errors.ts';

type Problem = { path: string; message: string };

/** 督办's own refusals, each with a stable code and zh/en words. */
export const SupervisionErrors = {
  notWorkingDay: (path: string, day: string) =>
    new DomainError('SUPERVISION_DUE_NOT_WORKING_DAY', 422, `办理期限 ${day} 不是工作日，请选择工作日`, `The deadline ${day} is not a working day; pick a working day`, [
      { path, message: 'not a working day / 非工作日' },
    ]),
  dueInPast: (path: string, day: string) =>
    new DomainError('SUPERVISION_DUE_IN_PAST', 422, `办理期限 ${day} 早于今天`, `The deadline ${day} is before today`, [{ path, message: 'in the past / 早于今天' }]),
  badDate: (path: string) => new DomainError('SUPERVISION_BAD_DATE', 400, '日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD', [{ path, message: 'YYYY-MM-DD' }]),
  unknownUnit: (path: string) =>
    new DomainError('SUPERVISION_UNKNOWN_UNIT', 422, '承办单位不存在或不在本地区', 'The unit does not exist or is outside this region', [{ path, message: 'unknown unit / 单位不存在' }]),
  helperIsLead: () =>
    new DomainError('SUPERVISION_HELPER_IS_LEAD', 422, '协办单位不能与牵头单位相同', 'A helping unit cannot also be the lead unit', [
      { path: '/helperDepartmentIds', message: 'lead unit / 牵头单位' },
    ]),
  milestone: (path: string) =>
    new DomainError('SUPERVISION_BAD_MILESTONE', 422, '节点须在交办之后、期限之前，进度逐个增加', 'Milestones must fall between today and the deadline, with rising progress', [
      { path, message: 'out of range / 超出范围' },
    ]),
  importRows: (problems: Problem[]) => new DomainError('SUPERVISION_IMPORT_INVALID', 422, '重点工作清单有误，未导入任何事项', 'The key-work list has errors; nothing was imported', problems),
  taskState: () => new DomainError('SUPERVISION_TASK_STATE', 409, '督办事项当前状态不允许此操作', 'The supervision task cannot do this in its current state'),
  notYourUnit: () => new DomainError('SUPERVISION_NOT_YOUR_UNIT', 403, '只有牵头单位可以办理该督办事项', 'Only the lead unit may act on this supervision task'),
  progressBack: () =>
    new DomainError('SUPERVISION_PROGRESS_BACKWARDS', 422, '进度不能低于上次反馈', 'Progress cannot go below the last feedback', [{ path: '/progress', message: 'below the last / 低于上次' }]),
  unknownFile: (path: string) => new DomainError('SUPERVISION_UNKNOWN_FILE', 422, '佐证材料文件不存在', 'An evidence file does not exist', [{ path, message: 'unknown file / 文件不存在' }]),
};
