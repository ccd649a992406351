import { DomainError } from '../../../kernel/http/errors.ts';

const STATE_ZH: Record<string, string> = { draft: '草稿', notified: '已发通知', minuted: '已形成纪要' };

/** The meetings area's domain errors (RFC 9457 problems with zh and en). */
export const MeetingErrors = {
  notFound: () => new DomainError('MEETING_NOT_FOUND', 404, '没有这个会议', 'There is no such meeting'),
  notInState: (state: string) => new DomainError('MEETING_NOT_IN_STATE', 409, `会议当前为“${STATE_ZH[state] ?? state}”，不能执行此操作`, `The meeting is ${state}; this is not possible now`),
  badInput: (path: string, zh: string, en: string) => new DomainError('MEETING_INPUT_INVALID', 422, zh, en, [{ path, message: `${en} / ${zh}` }]),
  notInvited: () => new DomainError('MEETING_NOT_INVITED', 403, '您所在单位未被邀请参加此会议', 'Your unit is not invited to this meeting'),
  replyClosed: () => new DomainError('MEETING_REPLY_CLOSED', 409, '报名回执已截止', 'The reply deadline has passed'),
  tokenInvalid: () => new DomainError('MEETING_TOKEN_INVALID', 422, '签到码无效，请重新扫描会场的二维码', 'The check-in code is not valid; scan the code shown at the meeting again'),
  tokenExpired: () => new DomainError('MEETING_TOKEN_EXPIRED', 422, '签到码已过期，请扫描会场最新的二维码', 'The check-in code has expired; scan the current code shown at the meeting'),
  tokenOtherMeeting: () => new DomainError('MEETING_TOKEN_OTHER', 422, '这是另一个会议的签到码', 'This check-in code belongs to another meeting'),
  notDueDay: (path: string, day: string) => new DomainError('MEETING_DUE_NOT_WORKING_DAY', 422, `办理期限 ${day} 不是工作日`, `The due date ${day} is not a working day`, [{ path, message: day }]),
  noSupervision: () => new DomainError('MEETING_NO_SUPERVISION', 503, '督查督办暂不可用，议定事项无法立项', 'Supervision is not available; the decisions cannot become tasks'),
};
