import { DomainError } from '../../../kernel/http/errors.ts';

/** The duty area's domain errors (RFC 9457 problems with zh and en). */
export const DutyErrors = {
  notFound: (what: 'handover' | 'incident') => new DomainError('DUTY_NOT_FOUND', 404, what === 'handover' ? '没有这条交接班记录' : '没有这条突发事件信息', `There is no such ${what}`),
  badInput: (path: string, zh: string, en: string) => new DomainError('DUTY_INPUT_INVALID', 422, zh, en, [{ path, message: `${en} / ${zh}` }]),
  leaderRequired: (day: string) =>
    new DomainError('DUTY_LEADER_REQUIRED', 422, `${day} 是节假日，须安排带班领导`, `${day} is a holiday or weekend: a leader must be on duty`, [{ path: '/leader', message: day }]),
  notIncoming: () => new DomainError('DUTY_NOT_INCOMING', 403, '只有接班人本人可以确认交接', 'Only the incoming officer may acknowledge the handover'),
  acknowledged: () => new DomainError('DUTY_ALREADY_ACKNOWLEDGED', 409, '该交接班已确认', 'This handover is already acknowledged'),
  noUnit: () => new DomainError('DUTY_NO_UNIT', 422, '请指明值班单位', 'Name the unit whose duty desk this is', [{ path: '/departmentId', message: 'required / 必填' }]),
};
