import { Type, type Static } from '@sinclair/typebox';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';

/** The 15 文种 of 党政机关公文处理工作条例 (中办发〔2012〕14号) 第八条. */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;
/** 上行文: the 签发人 is printed in the 版头 (GB/T 9704 §7.2.6). */
export const UPWARD_TYPES: readonly string[] = ['报告', '请示'];

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Uuid = Type.String({ format: 'uuid' });
const nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof lit>>(t: T) => Type.Union([t, Type.Null()]);

export const Urgency = lit(['特急', '加急'] as const);
/** 绝密 documents never enter a networked platform, so only 秘密 and 机密 are offered. */
export const Secrecy = lit(['秘密', '机密'] as const);

const fields = {
  title: Type.String({ minLength: 1, maxLength: 200, description: '标题 / title' }),
  docType: lit(DOC_TYPES),
  docWord: Type.Optional(Type.String({ minLength: 1, maxLength: 12, pattern: '^[\\u4e00-\\u9fa5]+$', description: '机关代字, e.g. 乌政办发; default: the unit’s' })),
  urgency: Type.Optional(nullable(Urgency)),
  secrecy: Type.Optional(nullable(Secrecy)),
  secrecyPeriod: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 20, description: '保密期限, e.g. 1年' }))),
  mainRecipients: Type.Array(Uuid, { maxItems: 100, description: '主送 (department ids)' }),
  externalRecipients: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50, description: '平台外的主送单位 / units outside the platform' })),
  ccRecipients: Type.Optional(Type.Array(Uuid, { maxItems: 100, description: '抄送 (department ids)' })),
  body: Type.String({ minLength: 1, maxLength: 50_000, description: '正文: paragraphs separated by \\n; headings 一、(一)1.(1)' }),
  attachments: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), fileId: Type.Optional(Uuid) }, { additionalProperties: false }), { maxItems: 20 })),
  note: Type.Optional(nullable(Type.String({ maxLength: 200, description: '附注' }))),
  countersignDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, description: '会签部门' })),
  public: Type.Optional(Type.Boolean({ description: '此件公开发布' })),
};

export const DocumentInput = Type.Object(fields, { additionalProperties: false });
export type DocumentInput = Static<typeof DocumentInput>;
export const DocumentUpdate = Type.Object({ ...fields, expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });
export type DocumentUpdate = Static<typeof DocumentUpdate>;

/** The text of a 公文 as one version keeps it. */
export interface DocumentContent {
  title: string;
  docType: string;
  docWord: string;
  urgency: '特急' | '加急' | null;
  secrecy: '秘密' | '机密' | null;
  secrecyPeriod: string | null;
  mainRecipients: string[];
  externalRecipients: string[];
  ccRecipients: string[];
  body: string;
  attachments: { name: string; fileId?: string }[];
  note: string | null;
  countersignDepartmentIds: string[];
  public: boolean;
}

export const ACTION_CODES = ['submit', 'review', 'countersign', 'sign', 'number', 'seal', 'distribute'] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export const ActionBody = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    opinion: Type.Optional(Type.String({ maxLength: 2000, description: '意见' })),
    outcome: Type.Optional(lit(['pass', 'return', 'agree', 'disagree', 'approve'] as const)),
    /** Same as outcome for 会签 (agree | disagree). */
    decision: Type.Optional(lit(['agree', 'disagree'] as const)),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: '退回理由' })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });
const Actor = Type.Object({ id: Type.String(), name: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const DocumentSummary = Type.Object({
  id: Type.String(),
  state: Type.String(),
  stateZh: Type.String(),
  stateEn: Type.String(),
  title: Type.String(),
  docType: Type.String(),
  docNumber: Nullable(Type.String()),
  urgency: Nullable(Type.String()),
  secrecy: Nullable(Type.String()),
  issuingDepartment: Named,
  drafter: Actor,
  textVersion: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type DocumentSummary = Static<typeof DocumentSummary>;

export const ListQuery = Type.Object(
  {
    box: Type.Optional(lit(['drafts', 'waiting', 'all'] as const)),
    after: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
  },
  { additionalProperties: false },
);

const Attachment = Type.Object({ name: Type.String(), fileId: Type.Optional(Type.String()) });
export const AvailableAction = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), requires: Type.Array(Type.String()) });

export const DocumentView = Type.Object({
  id: Type.String(),
  state: Type.String(),
  stateZh: Type.String(),
  stateEn: Type.String(),
  title: Type.String(),
  docType: Type.String(),
  docWord: Type.String(),
  docNumber: Nullable(Type.String()),
  issuingDepartment: Named,
  drafter: Actor,
  urgency: Nullable(Type.String()),
  secrecy: Nullable(Type.String()),
  secrecyPeriod: Nullable(Type.String()),
  mainRecipients: Type.Array(Named),
  ccRecipients: Type.Array(Named),
  externalRecipients: Type.Array(Type.String()),
  body: Type.String(),
  attachments: Type.Array(Attachment),
  note: Nullable(Type.String()),
  public: Type.Boolean(),
  countersignDepartmentIds: Type.Array(Type.String()),
  textVersion: Type.Integer(),
  versions: Type.Array(Type.Object({ n: Type.Integer(), at: Type.String(), by: Type.String(), step: Type.String() })),
  steps: Type.Array(
    Type.Object({
      action: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      actor: Type.String(),
      unit: Nullable(Type.String()),
      opinion: Nullable(Type.String()),
      outcome: Nullable(Type.String()),
      textVersion: Type.Union([Type.Integer(), Type.Null()]),
      at: Type.String(),
    }),
  ),
  countersigns: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      name: Type.String(),
      state: lit(['pending', 'agreed', 'disagreed'] as const),
      opinion: Nullable(Type.String()),
      actor: Nullable(Type.String()),
      textVersion: Type.Union([Type.Integer(), Type.Null()]),
      at: Nullable(Type.String()),
    }),
  ),
  signedBy: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  sealed: Type.Union([Type.Object({ identifier: Type.String(), fileId: Type.String(), sealName: Type.String(), sealedAt: Type.String() }), Type.Null()]),
  distribution: Type.Array(Type.Object({ departmentId: Nullable(Type.String()), name: Type.String(), kind: lit(['main', 'cc', 'external'] as const), at: Type.String() })),
  availableActions: Type.Array(AvailableAction),
  /** Whether the caller may edit the text now (PUT). */
  editable: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type DocumentView = Static<typeof DocumentView>;

export const VersionText = Type.Object({
  n: Type.Integer(),
  at: Type.String(),
  by: Type.String(),
  step: Type.String(),
  title: Type.String(),
  docType: Type.String(),
  docWord: Type.String(),
  urgency: Nullable(Type.String()),
  secrecy: Nullable(Type.String()),
  secrecyPeriod: Nullable(Type.String()),
  mainRecipients: Type.Array(Type.String()),
  externalRecipients: Type.Array(Type.String()),
  ccRecipients: Type.Array(Type.String()),
  body: Type.String(),
  attachments: Type.Array(Attachment),
  note: Nullable(Type.String()),
  countersignDepartmentIds: Type.Array(Type.String()),
  public: Type.Boolean(),
});

export const Change = Type.Object({ op: lit(['equal', 'insert', 'delete'] as const), text: Type.String(), field: Type.String() });
export const DiffView = Type.Object({ from: Type.Integer(), to: Type.Integer(), changes: Type.Array(Change) });
export type Change = Static<typeof Change>;

export const DocWordView = Type.Object({ word: Type.String(), departmentCode: Type.String(), isDefault: Type.Boolean() });
export const DocWordInput = Type.Object(
  {
    word: Type.String({ minLength: 1, maxLength: 12, pattern: '^[\\u4e00-\\u9fa5]+$' }),
    departmentCode: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
