import { DomainError } from '../../kernel/http/errors.ts';

export const ServicesErrors = {
  itemCodeTaken: () => new DomainError('ITEM_CODE_TAKEN', 409, '本区划已有相同编码的事项', 'An item with this code already exists in this region'),
  itemInactive: () => new DomainError('ITEM_NOT_AVAILABLE', 409, '该事项已停止办理', 'This service item is not available for application'),
  staleVersion: () => new DomainError('ITEM_VERSION_CONFLICT', 409, '事项已被他人修改，请刷新后重试', 'The item was changed by someone else; reload and try again'),
  badWorkflow: (errors: { path: string; message: string }[]) => new DomainError('WORKFLOW_INVALID', 422, '办理流程定义有误', 'The workflow definition is not valid', errors),
  wouldStrand: (states: string[]) =>
    new DomainError(
      'WORKFLOW_WOULD_STRAND',
      409,
      `在办件所处的状态在新流程中无路可走：${states.join('、')}`,
      `Applications in flight would be stranded in: ${states.join(', ')}`,
      states.map((s) => ({ path: `/workflow/states/${s}`, message: 'in use / 有在办件' })),
    ),
  badFormSchema: (message: string) =>
    new DomainError('FORM_SCHEMA_INVALID', 422, '申请表单定义不是有效的 JSON Schema', 'The application form is not a valid JSON Schema', [{ path: '/form/schema', message }]),
  formInvalid: (errors: { path: string; message: string }[]) => new DomainError('FORM_INVALID', 400, '申请表填写有误', 'The application form has errors', errors),
  materialMissing: (names: string[], namesEn: string[] = names) =>
    new DomainError(
      'MATERIAL_MISSING',
      400,
      `缺少必交材料：${names.join('、')}`,
      `Required materials are missing: ${namesEn.join(', ')}`,
      names.map((n) => ({ path: '/materials', message: n })),
    ),
  materialInvalid: (message: string) => new DomainError('MATERIAL_INVALID', 400, '材料不符合要求', 'A material is not acceptable', [{ path: '/materials', message }]),
  wrongApplicantType: () => new DomainError('APPLICANT_TYPE_NOT_ALLOWED', 403, '该事项不面向此类申请人', 'This item is not open to this kind of applicant'),
  notEvaluable: () => new DomainError('EVALUATION_NOT_ALLOWED', 409, '办件尚未办结或已评价', 'The application is not finished yet or was already rated'),
  rectificationState: () => new DomainError('RECTIFICATION_NOT_IN_STATE', 409, '整改任务当前状态不允许此操作', 'The rectification task’s state does not allow this'),
  notInState: () => new DomainError('APPLICATION_NOT_IN_STATE', 409, '办件当前状态不允许此操作', 'The application’s current state does not allow this action'),
  stateChanged: () => new DomainError('APPLICATION_NOT_IN_STATE', 409, '办件状态已变化，请刷新后重试', 'The application changed meanwhile; reload and try again'),
  noStepToClaim: () => new DomainError('APPLICATION_NOT_YOURS', 403, '办件当前环节不由您办理，不能认领', 'No step of this application at its current stage is yours to take, so you cannot claim it'),
  claimedByOther: (name: string) => new DomainError('APPLICATION_CLAIMED', 409, `办件已由${name}认领`, `The application is claimed by ${name}`),
};
