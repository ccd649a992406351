import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** 依申请公开's refusals, each with a stable code and zh/en words. */
export const RequestErrors = {
  notFound: () => new DomainError('OPENNESS_REQUEST_NOT_FOUND', 404, '未找到该政府信息公开申请', 'The request for information was not found'),
  noticeNotFound: () => new DomainError('OPENNESS_NOTICE_NOT_FOUND', 404, '未找到该告知书', 'The notice was not found'),
  applicantOnly: () =>
    new DomainError('OPENNESS_APPLICANT_ONLY', 403, '政府信息公开申请须由个人或企业在门户登录后提出', 'A request for information is made by a person or a company signed in to the portal'),
  description: () =>
    new DomainError(
      'OPENNESS_REQUEST_DESCRIPTION',
      422,
      '请写明所需政府信息的名称、文号或便于查找的特征描述（至少 5 个有效字符）',
      'Describe the information wanted: its title, number or features that help find it (at least 5 meaningful characters)',
      at('/description', 'too short or empty / 描述过短或为空'),
    ),
  text: (path: string) => new DomainError('OPENNESS_TEXT_INVALID', 422, '文本含有不允许的字符', 'The text contains characters that are not allowed', at(path, 'control characters / 含控制字符')),
  idNumber: () => new DomainError('OPENNESS_ID_NUMBER_INVALID', 422, '身份证号码有误', 'The ID number is not valid', at('/idNumber', 'invalid ID number / 身份证号码有误')),
  address: () =>
    new DomainError(
      'OPENNESS_ADDRESS_REQUIRED',
      422,
      '选择邮寄时须填写邮寄地址',
      'A postal address is needed when the answer is to be posted',
      at('/contact/address', 'required for post / 邮寄须填写地址'),
    ),
  email: () =>
    new DomainError(
      'OPENNESS_EMAIL_REQUIRED',
      422,
      '选择电子邮件时须填写电子邮箱',
      'An e-mail address is needed when the answer is to be e-mailed',
      at('/contact/email', 'required for e-mail / 须填写邮箱'),
    ),
  department: () =>
    new DomainError('OPENNESS_DEPARTMENT_UNKNOWN', 422, '答复机关不是本地区的部门', 'The answering body is not a department of the region', at('/departmentId', 'unknown department / 部门不存在')),
  state: () => new DomainError('OPENNESS_REQUEST_STATE', 409, '申请当前状态不允许此操作', "The request's current state does not allow this action"),
  changed: () => new DomainError('OPENNESS_REQUEST_CHANGED', 409, '该申请已被他人处理，请刷新后重试', 'Someone else acted on this request first; reload and try again'),
  correctionLate: () =>
    new DomainError(
      'OPENNESS_CORRECTION_TOO_LATE',
      409,
      '补正通知须在收到申请之日起 7 个工作日内一次性发出，现已超过期限',
      'A 补正 notice must be sent once, within 7 working days of receipt; that time has passed',
    ),
  correctionOnce: () => new DomainError('OPENNESS_CORRECTION_ONCE', 409, '补正通知只能发出一次', 'A 补正 notice is sent only once'),
  extensionOnce: () => new DomainError('OPENNESS_EXTENSION_ONCE', 409, '答复期限只能延长一次', 'The answer may be extended only once'),
  extensionPending: () => new DomainError('OPENNESS_EXTENSION_PENDING', 409, '已有待审批的延期申请', 'An extension is already waiting for approval'),
  extensionNone: () => new DomainError('OPENNESS_EXTENSION_NONE', 409, '没有待审批的延期申请', 'No extension is waiting for approval'),
  extensionDays: (max: number) =>
    new DomainError('OPENNESS_EXTENSION_DAYS', 422, `延长期限最长不得超过 ${max} 个工作日`, `An extension may add at most ${max} working days`, at('/days', `at most ${max} / 最多 ${max} 个工作日`)),
  overdue: () => new DomainError('OPENNESS_REQUEST_OVERDUE', 409, '答复期限已过，不能再延期，请尽快答复', 'The answer is already overdue: it can no longer be extended; answer it now'),
  leaderOnly: () => new DomainError('OPENNESS_LEADER_ONLY', 403, '延期须经答复部门负责人批准', 'An extension is approved by a leader of the answering department'),
  answerNeeds: (path: string, zh: string, en: string) => new DomainError('OPENNESS_ANSWER_INCOMPLETE', 422, zh, en, at(path, `${en} / ${zh}`)),
  libraryDocument: () =>
    new DomainError(
      'OPENNESS_LIBRARY_DOCUMENT',
      422,
      '所指的主动公开文件不存在或未发布',
      'The proactively published document named does not exist or is not published',
      at('/libraryDocumentId', 'not a published document / 非已发布文件'),
    ),
  file: () => new DomainError('OPENNESS_ANSWER_FILE', 422, '所附文件不存在', 'An attached file does not exist', at('/files', 'unknown file / 文件不存在')),
  badCursor: () => new DomainError('OPENNESS_BAD_CURSOR', 400, '分页参数无效', 'The page cursor is not valid', at('/after', 'bad cursor / 分页参数无效')),
};
