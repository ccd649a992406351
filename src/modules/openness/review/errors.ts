import { DomainError } from '../../../kernel/http/errors.ts';

/** 发布审核's domain errors: stable codes, an HTTP status and zh/en messages. */
export const ReviewErrors = {
  notFound: () => new DomainError('OPENNESS_DRAFT_NOT_FOUND', 404, '没有这份稿件，或您无权查看', 'There is no such draft, or you may not see it'),
  notInState: () => new DomainError('OPENNESS_DRAFT_NOT_IN_STATE', 409, '稿件当前所处环节不允许此操作', "The draft's current step does not allow this action"),
  changed: () => new DomainError('OPENNESS_DRAFT_CHANGED', 409, '稿件已被他人处理或修改，请刷新后重试', 'Someone else acted on or edited this draft first; reload and try again'),
  notEditable: () =>
    new DomainError('OPENNESS_DRAFT_NOT_EDITABLE', 409, '稿件已提交审核，只能在拟稿环节修改（可由审查人退回）', 'The draft can only be edited while drafting (a reviewer may return it)'),
  notEditor: () => new DomainError('OPENNESS_DRAFT_NOT_EDITOR', 403, '只有本部门的政务公开专员可以拟稿和修改', 'Only an openness editor of the department may draft and edit'),
  notSecrecyReviewer: () =>
    new DomainError('OPENNESS_NOT_SECRECY_REVIEWER', 403, '保密审查须由本部门的保密审查员进行', "The secrecy review must be done by a secrecy reviewer of the draft's department"),
  notLeader: () => new DomainError('OPENNESS_NOT_DEPARTMENT_LEADER', 403, '只有本部门的领导可以审批发布', "Only a leader of the draft's department may approve its publication"),
  notIssuer: () => new DomainError('OPENNESS_DRAFT_NOT_ISSUER', 403, '只能修改或撤回本部门发布的文件', 'Only documents your department issued can be changed or withdrawn'),
  unknownAction: (code: string) => new DomainError('OPENNESS_DRAFT_UNKNOWN_ACTION', 400, `没有名为“${code}”的审核动作`, `There is no action "${code}"`),
  outcome: (allowed: string[]) =>
    new DomainError('OPENNESS_DRAFT_OUTCOME_INVALID', 400, `请选择审核结果：${allowed.join(' / ')}`, `Choose an outcome: ${allowed.join(' / ')}`, [{ path: '/outcome', message: allowed.join('|') }]),
  openFindings: (n: number) =>
    new DomainError(
      'OPENNESS_DRAFT_FINDINGS_OPEN',
      409,
      `内容检查仍有 ${n} 处问题未处理：请逐条认定误报（写明理由），或退回修改`,
      `The content check has ${n} finding(s) still open: waive each as a false alarm with a reason, or return the draft`,
    ),
  notWaivable: () =>
    new DomainError('OPENNESS_FINDING_NOT_WAIVABLE', 422, '身份证号码和敏感词不能认定为误报，必须修改删除', 'ID numbers and sensitive words cannot be waived; they must be edited out', [
      { path: '/findingId', message: 'must be edited out / 须修改删除' },
    ]),
  findingNotFound: () => new DomainError('OPENNESS_FINDING_NOT_FOUND', 404, '没有这条检查结果', 'There is no such finding'),
  findingDone: () => new DomainError('OPENNESS_FINDING_ALREADY_WAIVED', 409, '这条检查结果已认定为误报', 'This finding has already been waived'),
  originalMissing: (path: string) =>
    new DomainError('OPENNESS_INTERPRETATION_ORIGINAL_MISSING', 422, '解读所对应的原文不存在', 'The document this interpretation explains does not exist', [{ path, message: 'not found / 不存在' }]),
  originalNotPublished: () =>
    new DomainError(
      'OPENNESS_INTERPRETATION_BEFORE_ORIGINAL',
      409,
      '解读不能早于原文发布：请先审批发布原文（原文审批时，已通过保密审查的解读将同步发布）',
      'An interpretation cannot be published before its original: approve the original first (interpretations ready by then are published with it)',
    ),
  notInterpretation: () =>
    new DomainError('OPENNESS_INTERPRETATION_KIND', 422, '只有“政策解读”类文件可以指向原文', 'Only a policy interpretation may name an original', [
      { path: '/interpretationOf', message: 'kind must be interpretation / 须为政策解读' },
    ]),
  interpretationNeedsOriginal: () =>
    new DomainError('OPENNESS_INTERPRETATION_NO_ORIGINAL', 422, '政策解读须指明所解读的原文（已发布文件或稿件）', 'A policy interpretation must name its original (a published document or a draft)', [
      { path: '/interpretationOf', message: 'required / 必填' },
    ]),
  interpretationRequired: () =>
    new DomainError(
      'OPENNESS_INTERPRETATION_REQUIRED',
      409,
      '规章和行政规范性文件须同步发布政策解读（谁起草谁解读）：请先让其解读稿通过保密审查',
      'Government rules and normative documents are published together with their interpretation: get an interpretation draft through secrecy review first',
    ),
  numberReused: (number: string) =>
    new DomainError('OPENNESS_NUMBER_REUSED', 409, `文号“${number}”已被另一份文件或稿件使用`, `The document number "${number}" is already used by another document or draft`, [
      { path: '/number', message: 'already used / 已被使用' },
    ]),
  publishBeforeWritten: () =>
    new DomainError('OPENNESS_PUBLISH_BEFORE_WRITTEN', 422, '发布日期不能早于成文日期', 'The publication date cannot be before the date the document was written', [
      { path: '/publishOn', message: 'before writtenOn / 早于成文日期' },
    ]),
  targetMissing: () =>
    new DomainError('OPENNESS_DRAFT_TARGET_MISSING', 422, '要修改或撤回的文件不存在或已撤回', 'The document to change or withdraw does not exist or is already withdrawn', [
      { path: '/targetId', message: 'not found / 不存在' },
    ]),
  unknownFile: (i: number) => new DomainError('OPENNESS_UNKNOWN_FILE', 422, '附件文件不存在', 'An attachment file does not exist', [{ path: `/attachments/${i}/fileId`, message: 'unknown / 不存在' }]),
  termTaken: (term: string) => new DomainError('OPENNESS_TERM_TAKEN', 409, `敏感词“${term}”已在词库中`, `The term "${term}" is already in the list`, [{ path: '/term', message: 'duplicate / 重复' }]),
  termNotFound: () => new DomainError('OPENNESS_TERM_NOT_FOUND', 404, '词库中没有这个词', 'There is no such term'),
  termChanged: () => new DomainError('OPENNESS_TERM_CHANGED', 409, '该词已被他人修改，请刷新后重试', 'Someone else changed this term first; reload and try again'),
};
