import { DomainError } from '../../../kernel/http/errors.ts';

/** 发文's domain errors: stable codes, an HTTP status and zh/en messages. */
export const DocumentErrors = {
  notFound: () => new DomainError('OFFICE_DOCUMENT_NOT_FOUND', 404, '没有这份公文，或您无权查看', 'There is no such document, or you may not see it'),
  versionNotFound: (n: number) => new DomainError('OFFICE_DOCUMENT_VERSION_NOT_FOUND', 404, `公文没有第 ${n} 稿`, `The document has no text version ${n}`),
  notInState: () => new DomainError('OFFICE_DOCUMENT_NOT_IN_STATE', 409, '公文当前所处环节不允许此操作', "The document's current step does not allow this action"),
  changed: () => new DomainError('OFFICE_DOCUMENT_CHANGED', 409, '公文已被他人处理或修改，请刷新后重试', 'Someone else acted on or edited this document first; reload and try again'),
  signed: () => new DomainError('DOCUMENT_SIGNED', 409, '公文已签发，不能再修改正文；如需实质修改，请重新拟稿', 'The document has been signed off; its text can no longer be edited'),
  notEditor: () =>
    new DomainError('OFFICE_DOCUMENT_NOT_EDITOR', 403, '只有拟稿人（拟稿阶段）或发文单位的文秘可以修改公文', 'Only the drafter (while drafting) or a clerk of the issuing unit may edit the document'),
  notDrafter: () => new DomainError('OFFICE_DOCUMENT_NOT_DRAFTER', 403, '只有拟稿人可以送核稿', 'Only the drafter may submit the document for review'),
  notIssuingLeader: () => new DomainError('OFFICE_NOT_ISSUING_LEADER', 403, '只有发文单位的领导可以签发', 'Only a leader of the issuing unit may sign off the document'),
  notCountersigner: () => new DomainError('OFFICE_NOT_COUNTERSIGNER', 403, '您所在的部门不在本件会签部门之列', 'Your department is not asked to countersign this document'),
  alreadyCountersigned: () => new DomainError('OFFICE_ALREADY_COUNTERSIGNED', 409, '您所在的部门已会签过本件', 'Your department has already countersigned this document'),
  alreadyNumbered: (n: string) => new DomainError('OFFICE_ALREADY_NUMBERED', 409, `公文已编号（${n}），不能重复编号`, `The document already has its number (${n})`),
  unknownAction: (code: string) => new DomainError('OFFICE_UNKNOWN_ACTION', 400, `没有名为“${code}”的办理动作`, `There is no action "${code}"`),
  alreadySealed: () => new DomainError('OFFICE_ALREADY_SEALED', 409, '公文已用印，不能重复用印', 'The document is already sealed'),
  sealerUnavailable: () => new DomainError('OFFICE_SEALER_UNAVAILABLE', 503, '电子印章服务暂不可用，暂不能用印', 'The e-seal service is not available; the document cannot be sealed now'),
  renderUnavailable: () => new DomainError('OFFICE_RENDER_UNAVAILABLE', 409, '公文版式生成暂不可用', 'The document layout (PDF) cannot be made yet'),
  noDocWord: () =>
    new DomainError('OFFICE_NO_DOC_WORD', 422, '本单位尚未配置机关代字，请联系区域管理员', 'Your unit has no 机关代字 (document word) configured; ask the region administrator', [
      { path: '/docWord', message: 'none configured / 未配置' },
    ]),
  docWordNotAllowed: (word: string, allowed: string[]) =>
    new DomainError(
      'OFFICE_DOC_WORD_NOT_ALLOWED',
      422,
      `本单位不能使用机关代字“${word}”（可用：${allowed.join('、') || '无'}）`,
      `Your unit may not issue under "${word}" (allowed: ${allowed.join(', ') || 'none'})`,
      [{ path: '/docWord', message: word }],
    ),
  docWordTaken: (word: string) => new DomainError('OFFICE_DOC_WORD_TAKEN', 409, `机关代字“${word}”已被使用`, `The document word "${word}" is already used`, [{ path: '/word', message: word }]),
  unknownDepartments: (path: string, ids: string[]) =>
    new DomainError(
      'OFFICE_UNKNOWN_DEPARTMENT',
      422,
      '所选单位不存在或不在本地区',
      'A chosen unit does not exist or is outside the region',
      ids.map((id) => ({ path, message: id })),
    ),
  selfCountersign: () =>
    new DomainError('OFFICE_COUNTERSIGN_SELF', 422, '会签部门不能包含发文单位本身', 'The issuing unit cannot be one of the countersigning departments', [
      { path: '/countersignDepartmentIds', message: 'issuing unit / 发文单位' },
    ]),
  countersignFixed: () =>
    new DomainError('OFFICE_COUNTERSIGN_FIXED', 422, '核稿后不能再更改会签部门', 'The countersigning departments cannot change after review', [
      { path: '/countersignDepartmentIds', message: 'fixed / 已确定' },
    ]),
  unknownFile: (i: number) => new DomainError('OFFICE_UNKNOWN_FILE', 422, '附件文件不存在', 'An attachment file does not exist', [{ path: `/attachments/${i}/fileId`, message: 'unknown / 不存在' }]),
  outcome: (allowed: string[]) =>
    new DomainError('OFFICE_OUTCOME_INVALID', 400, `请选择办理结果：${allowed.join(' / ')}`, `Choose an outcome: ${allowed.join(' / ')}`, [{ path: '/outcome', message: allowed.join('|') }]),
  badRange: () => new DomainError('OFFICE_DIFF_RANGE', 400, '比较的稿次无效', 'The versions to compare are not valid', [{ path: '/from', message: 'from < to / 起始稿次须小于目标稿次' }]),
};
