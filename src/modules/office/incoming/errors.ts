import { DomainError } from '../../../kernel/http/errors.ts';

const STATE_ZH: Record<string, string> = {
  received: '待签收',
  signed: '待登记',
  registered: '待初审',
  reviewed: '待拟办',
  suggested: '待批办',
  instructed: '待承办',
  handling: '承办中',
  completed: '已办结',
  returned: '已退回',
};

export const IncomingErrors = {
  notFound: () => new DomainError('INCOMING_NOT_FOUND', 404, '没有这件收文', 'There is no such incoming document'),
  notInState: (state?: string) =>
    new DomainError(
      'INCOMING_NOT_IN_STATE',
      409,
      state ? `收文当前为“${STATE_ZH[state] ?? state}”，不能执行此操作` : '收文当前状态不允许此操作',
      state ? `The incoming document is ${state}; this is not possible now` : 'The incoming document’s current state does not allow this',
    ),
  stateChanged: () => new DomainError('INCOMING_STATE_CHANGED', 409, '该收文已被他人处理，请刷新后重试', 'Someone else acted on this incoming document first; reload and try again'),
  notYourUnit: () => new DomainError('INCOMING_WRONG_UNIT', 403, '该收文不由您所在单位办理', 'Your unit does not handle this incoming document'),
  nonWorkingDay: (day: string) =>
    new DomainError('INCOMING_DUE_NOT_WORKING_DAY', 422, `办理期限 ${day} 不是工作日，请选择工作日`, `The due date ${day} is not a working day; choose a working day`, [
      { path: '/dueDate', message: 'not a working day / 非工作日' },
    ]),
  dueInPast: (day: string) =>
    new DomainError('INCOMING_DUE_IN_PAST', 422, `办理期限 ${day} 已过，请选择今后的工作日`, `The due date ${day} has passed; choose a later working day`, [
      { path: '/dueDate', message: 'past / 已过' },
    ]),
  limitOrDate: () =>
    new DomainError('INCOMING_LIMIT_OR_DATE', 422, '请给出办理时限（工作日数）或到期日期，二者选一', 'Give a time limit in working days or a due date, one of the two', [
      { path: '/limitDays', message: 'one of limitDays, dueDate / 二选一' },
    ]),
  badUnits: (zh: string, en: string) => new DomainError('INCOMING_UNITS_INVALID', 422, zh, en, [{ path: '/helperDepartmentIds', message: en }]),
  noSupervision: () =>
    new DomainError('INCOMING_SUPERVISION_UNAVAILABLE', 422, '督查督办未启用，不能将此批办列入督办', 'Supervision is not available, so this instruction cannot be put under supervision', [
      { path: '/supervise', message: 'unavailable / 不可用' },
    ]),
  fileNotFound: () =>
    new DomainError('INCOMING_FILE_NOT_FOUND', 422, '未找到上传的来文文件，请重新上传', 'The uploaded file was not found; upload it again', [{ path: '/fileId', message: 'not found / 未找到' }]),
  readersInvalid: () =>
    new DomainError('INCOMING_READERS_INVALID', 422, '传阅对象须为本地区在岗的工作人员', 'Circulate only to active staff of this region', [{ path: '/staffIds', message: 'unknown / 未知' }]),
  notAReader: () => new DomainError('INCOMING_NOT_A_READER', 403, '该收文未传阅给您', 'This incoming document was not circulated to you'),
  alreadyGiven: () => new DomainError('INCOMING_INPUT_GIVEN', 409, '本单位已提交协办意见', 'Your unit has already given its input'),
  alreadyReplied: () => new DomainError('INCOMING_ALREADY_REPLIED', 409, '该收文已答复', 'This incoming document has already been answered'),
  remindTooSoon: () => new DomainError('INCOMING_REMIND_TOO_SOON', 429, '一小时内已催办过，请稍后再催', 'A reminder was sent within the hour; try again later'),
};
