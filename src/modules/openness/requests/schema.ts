import { Type } from '@sinclair/typebox';
import { ANSWER_TYPES, APPLICANT_KINDS } from '../vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Version = Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: '所见版本（防止两人同时处理）/ the version seen' }));
const Text = (maxLength: number, description: string, minLength = 0) => Type.String({ minLength, maxLength, description });
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

const ORG_KINDS = Object.keys(APPLICANT_KINDS).filter((k) => k !== 'person') as ('business' | 'research' | 'public_interest' | 'legal_service' | 'other')[];

export const RequestInputSchema = Type.Object(
  {
    departmentId: Type.String({ format: 'uuid', description: '答复机关（部门）/ the answering department' }),
    description: Text(4000, '所需政府信息的名称、文号或便于查找的特征描述 / what information is wanted'),
    purpose: Type.Optional(Nullable(Text(1000, '用途（可不填）/ purpose (optional)'))),
    form: lit(['paper', 'electronic'] as const),
    delivery: lit(['post', 'email', 'pickup', 'online'] as const),
    applicantKind: Type.Optional(Nullable(lit(ORG_KINDS))),
    name: Type.Optional(Nullable(Text(100, '申请人姓名或名称 / name'))),
    idNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z]{18}$', description: '身份证号或统一社会信用代码 / ID number or credit code' }))),
    contact: Type.Object(
      {
        phone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+() -]+$', description: '联系电话 / phone' }),
        email: Type.Optional(Nullable(Type.String({ maxLength: 100, format: 'email' }))),
        address: Type.Optional(Nullable(Text(200, '通信地址 / postal address'))),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const CorrectionInputSchema = Type.Object({ description: Text(4000, '补正后的申请内容 / the corrected request'), expectedVersion: Version }, { additionalProperties: false });
export const CorrectionNoticeInputSchema = Type.Object({ request: Text(2000, '需要补正的内容 / what must be corrected', 1), expectedVersion: Version }, { additionalProperties: false });
export const ConsultationInputSchema = Type.Object(
  { party: Text(200, '第三方名称 / the third party', 1), matter: Text(2000, '征求意见的事项 / what is asked'), expectedVersion: Version },
  { additionalProperties: false },
);
export const OpinionInputSchema = Type.Object({ opinion: Type.Optional(Nullable(Text(2000, '意见 / opinion'))), expectedVersion: Version }, { additionalProperties: false });
export const ExtensionInputSchema = Type.Object(
  { days: Type.Integer({ minimum: 1, maximum: 60, description: '延长的工作日数（最多 20）/ working days added (at most 20)' }), reason: Text(1000, '延期理由 / reason', 1), expectedVersion: Version },
  { additionalProperties: false },
);
export const ExtensionDecisionSchema = Type.Object(
  { approve: Type.Boolean(), opinion: Type.Optional(Nullable(Text(1000, '意见 / opinion'))), expectedVersion: Version },
  { additionalProperties: false },
);
export const ForwardInputSchema = Type.Object({ departmentId: Uuid, note: Type.Optional(Nullable(Text(1000, '说明 / note'))), expectedVersion: Version }, { additionalProperties: false });

const ANSWER_KEYS = [...Object.keys(ANSWER_TYPES), 'not_ours'] as string[];
export const AnswerInputSchema = Type.Object(
  {
    type: lit(ANSWER_KEYS),
    reason: Type.Optional(Nullable(Type.String({ pattern: '^[a-z_]{1,40}$', description: '理由代码（见 ANSWER_TYPES）/ reason code' }))),
    reasonText: Type.Optional(Nullable(Text(4000, '理由和依据 / the reason in words'))),
    rightBody: Type.Optional(Nullable(Text(200, '负责公开该信息的机关（非本机关负责时）/ the body responsible'))),
    libraryDocumentId: Type.Optional(Nullable(Uuid)),
    files: Type.Optional(Type.Array(Type.Object({ fileId: Uuid, name: Text(200, '文件名 / file name', 1) }, { additionalProperties: false }), { maxItems: 20 })),
    expectedVersion: Version,
  },
  { additionalProperties: false },
);

export const MineQuery = Type.Object({ after: Type.Optional(Type.String({ maxLength: 36 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false });
export const InboxQuery = Type.Object(
  {
    state: Type.Optional(lit(['processing', 'correcting', 'consulting', 'answered', 'closed'] as const)),
    overdue: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')])),
    departmentId: Type.Optional(Uuid),
    after: Type.Optional(Type.String({ maxLength: 36 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export const LibraryQuery = Type.Object({ q: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

const Light = Nullable(lit(['green', 'yellow', 'red'] as const));

export const RequestView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  state: Type.String(),
  version: Type.Integer(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  applicantKind: Type.String(),
  applicantName: Type.String({ description: '脱敏 / masked' }),
  description: Type.String(),
  receivedOn: Type.String(),
  clockStartedOn: Type.String(),
  dueAt: Nullable(Type.String()),
  correctionDueAt: Nullable(Type.String()),
  light: Light,
  overdue: Type.Boolean(),
  extended: Type.Boolean(),
  extensionState: Nullable(Type.String()),
  supervised: Type.Boolean(),
  answerType: Nullable(Type.String()),
  answerReason: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  submittedAt: Type.String(),
});
export const RequestPage = Type.Object({ items: Type.Array(RequestView), next: Nullable(Type.String()) });

const Step = Type.Object({
  action: Type.String(),
  from: Nullable(Type.String()),
  to: Type.String(),
  actorName: Type.String(),
  actorType: Type.String(),
  opinion: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  at: Type.String(),
});

export const RequestDetail = Type.Composite([
  RequestView,
  Type.Object({
    purpose: Nullable(Type.String()),
    form: Type.String(),
    delivery: Type.String(),
    applicantCode: Nullable(Type.String({ description: '脱敏 / masked' })),
    phone: Type.String({ description: '脱敏 / masked' }),
    contact: Nullable(Type.Object({ phone: Type.String(), email: Nullable(Type.String()), address: Nullable(Type.String()) })),
    applicantFullName: Nullable(Type.String()),
    correctionRequest: Nullable(Type.String()),
    consultParty: Nullable(Type.String()),
    consultUntil: Nullable(Type.String()),
    consultDays: Type.Integer(),
    extensionDays: Nullable(Type.Integer()),
    extensionReason: Nullable(Type.String()),
    supervisionTaskId: Nullable(Type.String()),
    answerText: Nullable(Type.String()),
    rightBody: Nullable(Type.String()),
    libraryDocument: Nullable(Type.Object({ id: Type.String(), title: Type.String(), number: Nullable(Type.String()), publishedOn: Type.String() })),
    answerFiles: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String() })),
    mine: Type.Boolean(),
    actions: Type.Array(Type.String()),
    notices: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), audience: Type.String(), title: Type.String(), identifier: Type.String(), createdAt: Type.String() })),
    steps: Type.Array(Step),
  }),
]);

export const Created = Type.Object({ id: Type.String(), number: Type.String(), receivedOn: Type.String(), dueAt: Type.String() });
export const StepResult = Type.Object({
  state: Type.Optional(Type.String()),
  dueAt: Type.Optional(Nullable(Type.String())),
  correctionDueAt: Type.Optional(Type.String()),
  extensionState: Type.Optional(Type.String()),
  departmentId: Type.Optional(Type.String()),
  noticeId: Type.Optional(Nullable(Type.String())),
});
export const Departments = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) });
export const LibraryHits = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), number: Nullable(Type.String()), publishedOn: Type.String() })),
});
