import { DomainError } from '../../kernel/http/errors.ts';

export const CasesErrors = {
  outsideRegion: () =>
    new DomainError('CASE_LOCATION_OUTSIDE', 422, '位置不在本辖区内', 'The location is outside this jurisdiction', [
      { path: '/lat', message: 'outside every street of the region / 不在辖区任何街道内' },
    ]),
  unknownCategory: (code: string) =>
    new DomainError('CASE_UNKNOWN_CATEGORY', 422, `没有编码为“${code}”的事项分类`, `There is no category "${code}"`, [{ path: '/categoryCode', message: 'unknown category / 分类不存在' }]),
  notLeafCategory: (code: string) =>
    new DomainError('CASE_CATEGORY_NOT_LEAF', 422, `“${code}”不是末级分类，请选择具体分类`, `"${code}" is not a leaf category; choose a specific one`, [
      { path: '/categoryCode', message: 'choose a leaf category / 请选择末级分类' },
    ]),
  unknownUnit: () =>
    new DomainError('CASE_UNKNOWN_UNIT', 422, '承办单位不存在或不在本辖区', 'The handling unit does not exist or is outside this jurisdiction', [
      { path: '/departmentId', message: 'unknown unit / 承办单位不存在' },
    ]),
  notLowerUnit: () =>
    new DomainError('CASE_NOT_LOWER_UNIT', 422, '只能下派给本单位辖区内的下级单位或网格', 'A case can only be sent down to a unit or grid within your own area', [
      { path: '/departmentId', message: 'not a lower unit / 不是下级单位' },
    ]),
  notInState: () => new DomainError('CASE_NOT_IN_STATE', 409, '工单当前状态不允许此操作', 'The case’s current state does not allow this action'),
  stateChanged: () => new DomainError('CASE_STATE_CHANGED', 409, '工单已被他人处理，请刷新后重试', 'Someone else changed this case; reload and try again'),
  callerFlood: () => new DomainError('CASE_CALLER_FLOOD', 429, '同一来电或账号短时间内提交过多，请稍后再试', 'Too many reports from one caller in a short time; please try later'),
  reporterFlood: () => new DomainError('CASE_REPORTER_FLOOD', 429, '该接入系统提交过于频繁，请稍后再试', 'This system is reporting too fast; please slow down'),
  reopenUsed: (allowed: number) =>
    new DomainError('CASE_REOPEN_USED', 409, `该工单已重办${allowed}次，不能再次重办`, `This case has already been reopened ${allowed === 1 ? 'once' : `${allowed} times`}`),
  reopenNeedsUnsatisfied: () => new DomainError('CASE_REOPEN_NEEDS_UNSATISFIED', 409, '回访结果为满意且已解决的工单不能重办', 'Only a case whose caller was unsatisfied or unsolved can be reopened'),
  visitMissing: () =>
    new DomainError('CASE_VISIT_MISSING', 400, '回访须记录是否解决和满意度', 'A visit back must record whether it was solved and the satisfaction', [{ path: '/visit', message: 'required / 必填' }]),
  noExtensionPending: () => new DomainError('CASE_NO_EXTENSION_PENDING', 409, '没有待审批的延期申请', 'There is no extension request to decide'),
  extensionPending: () => new DomainError('CASE_EXTENSION_PENDING', 409, '已有待审批的延期申请', 'An extension request is already waiting for a decision'),
  notOpen: () => new DomainError('CASE_NOT_OPEN', 409, '工单已办结，不能执行此操作', 'The case is finished; this is no longer possible'),
  duplicateTarget: () =>
    new DomainError('CASE_DUPLICATE_TARGET', 422, '合并目标须为另一件未办结工单', 'A case can only be merged into another open case', [
      { path: '/duplicateOf', message: 'not an open case / 不是未办结工单' },
    ]),
  helperIsLead: () =>
    new DomainError('CASE_HELPER_IS_LEAD', 422, '协办单位不能与主办单位相同', 'A helper unit cannot be the lead unit', [{ path: '/helperDepartmentIds', message: 'includes the lead / 含主办单位' }]),
  extensionTooLong: (max: number) =>
    new DomainError('CASE_EXTENSION_TOO_LONG', 422, `每次延期不能超过${max}个工作日`, `An extension may add at most ${max} working days`, [
      { path: '/days', message: `at most ${max} / 不超过${max}` },
    ]),
  extensionsUsed: (max: number) => new DomainError('CASE_EXTENSIONS_USED', 409, `该工单已申请延期${max}次，不能再申请`, `This case has already asked for ${max} extension(s)`),
};
