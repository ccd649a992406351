import { Type } from '@sinclair/typebox';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Subject = Type.Union([Type.Literal('person'), Type.Literal('entity')], { description: 'person 个人 / entity 企业' });

export const DocumentParams = Type.Object({ id: Type.String({ format: 'uuid', description: '政策文件 / the policy document' }) }, { additionalProperties: false });

export const AttachInput = Type.Object(
  {
    policyCode: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{1,39}$', description: '主动服务政策代码（政策找人模式）/ code of a 政策找人 policy' }),
    note: Type.Optional(Type.String({ maxLength: 500, description: '备注 / a note' })),
  },
  { additionalProperties: false },
);

export const DetachInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500, description: '解除原因 / why' }) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
  },
  { additionalProperties: false },
);

const Problem = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });

export const Candidate = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  mode: Type.Union([Type.Literal('automatic'), Type.Literal('application')]),
  subject: Subject,
  published: Type.Boolean(),
  departmentName: Type.String(),
  attachable: Type.Boolean(),
  problem: Nullable(Problem),
});

const Line = {
  id: Type.String(),
  policyCode: Type.String(),
  policyName: Type.String(),
  subject: Subject,
  note: Nullable(Type.String()),
  attachedBy: Type.String(),
  attachedAt: Type.String(),
  detachedBy: Nullable(Type.String()),
  detachedAt: Nullable(Type.String()),
  detachReason: Nullable(Type.String()),
  lastRunAt: Nullable(Type.String()),
  lastMatched: Nullable(Type.Integer()),
  lastTold: Nullable(Type.Integer()),
  runs: Type.Integer(),
};

const Words = {
  policyNameEn: Type.String(),
  conditionsZh: Type.Array(Type.String(), { description: '适用条件（中文）' }),
  conditionsEn: Type.Array(Type.String()),
  matched: Type.Integer({ description: '符合条件（在册）' }),
  told: Type.Integer({ description: '已提醒' }),
  applied: Type.Integer({ description: '已申请' }),
  applyLink: Nullable(Type.String()),
  itemCode: Nullable(Type.String()),
};

export const HistoryLine = Type.Object(Line);

export const RuleView = Type.Object({
  documentId: Type.String(),
  documentTitle: Type.String(),
  canEdit: Type.Boolean(),
  rule: Nullable(Type.Object({ ...Line, ...Words })),
  history: Type.Array(HistoryLine),
});

export const RunResult = Type.Object({ documentId: Type.String(), policyCode: Type.String(), matched: Type.Integer(), told: Type.Integer(), ranAt: Type.String() });

export const RulePage = Type.Object({
  items: Type.Array(
    Type.Object({
      documentId: Type.String(),
      documentTitle: Type.String(),
      documentNumber: Nullable(Type.String()),
      documentState: Type.String(),
      canEdit: Type.Boolean(),
      ...Line,
      ...Words,
    }),
  ),
  next: Nullable(Type.String()),
});

export const AppliesTo = Type.Object({
  documentId: Type.String(),
  policyCode: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  subject: Subject,
  departmentName: Type.String(),
  conditionsZh: Type.Array(Type.String(), { description: '适用条件（中文）' }),
  conditionsEn: Type.Array(Type.String(), { description: 'Conditions (English)' }),
  matched: Type.Integer(),
  told: Type.Integer(),
  applied: Type.Integer(),
  itemCode: Nullable(Type.String()),
  applyLink: Nullable(Type.String({ description: '在线申请 / where to apply' })),
  matchesLink: Type.String({ description: '我的“您可能符合” / my matches' }),
});
