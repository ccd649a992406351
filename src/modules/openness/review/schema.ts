import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DaySchema } from '../../../kernel/http/schemas.ts';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';
import { DISCLOSURE_MODES, DOCUMENT_KINDS, INTERPRETATION_FORMS } from '../vocabulary.ts';

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version the page showed (optimistic concurrency)' });

/** Limits of a draft's text. */
export const LIMITS = { title: 200, summary: 200, body: 200_000, keywords: 20, keyword: 40, links: 20, linkLabel: 100, attachments: 20, replaces: 10 } as const;

export const DocumentBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: LIMITS.title, description: '标题' }),
    titleEn: Type.Optional(Type.String({ maxLength: 400 })),
    kind: lit(Object.keys(DOCUMENT_KINDS) as (keyof typeof DOCUMENT_KINDS)[]),
    themeCode: Type.String({ pattern: '^[0-9A-Za-z_-]{1,16}$', description: '主题分类 code' }),
    issuerDepartmentId: Type.Optional(
      Type.String({ format: 'uuid', description: '发文机关 (a department of the region); default: the drafter’s, or none when issuerName names a body outside the region' }),
    ),
    issuerName: Type.Optional(Type.String({ maxLength: 100, description: '发文机关 as printed' })),
    number: Type.Optional(Type.String({ maxLength: 60, description: '文号, e.g. 乌政发〔2024〕3号' })),
    writtenOn: DaySchema,
    publishOn: Type.Optional(DaySchema),
    disclosure: lit(Object.keys(DISCLOSURE_MODES) as (keyof typeof DISCLOSURE_MODES)[]),
    summary: Type.Optional(Type.String({ maxLength: LIMITS.summary, description: '内容概述' })),
    body: Type.String({ minLength: 1, maxLength: LIMITS.body, description: '正文: paragraphs separated by blank lines' }),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.keyword }), { maxItems: LIMITS.keywords })),
    attachments: Type.Optional(Type.Array(Type.Object({ fileId: Uuid, name: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false }), { maxItems: LIMITS.attachments })),
    interpretationOf: Type.Optional(Type.String({ format: 'uuid', description: 'the published 原文 of a 解读' })),
    interpretationForm: Type.Optional(lit(Object.keys(INTERPRETATION_FORMS) as (keyof typeof INTERPRETATION_FORMS)[])),
    links: Type.Optional(
      Type.Array(
        Type.Object(
          { label: Type.String({ minLength: 1, maxLength: LIMITS.linkLabel }), url: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://[^\\s]+$' }) },
          { additionalProperties: false },
        ),
        { maxItems: LIMITS.links },
      ),
    ),
    replaces: Type.Optional(Type.Array(Type.Object({ id: Uuid, as: lit(['repealed', 'amended'] as const) }, { additionalProperties: false }), { maxItems: LIMITS.replaces })),
  },
  { additionalProperties: false },
);
export type DocumentBody = Static<typeof DocumentBody>;

export const PURPOSES = ['publish', 'change', 'withdraw'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const DraftInput = Type.Object(
  {
    purpose: lit(PURPOSES),
    /** The published document a change or withdrawal is about. */
    targetId: Type.Optional(Uuid),
    /** Why (change, withdrawal). */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    document: Type.Optional(DocumentBody),
    /** A 解读 whose 原文 is still a draft. */
    interpretationOfDraft: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type DraftInput = Static<typeof DraftInput>;

export const DraftUpdate = Type.Object(
  {
    expectedVersion: Version,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    document: Type.Optional(DocumentBody),
    interpretationOfDraft: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type DraftUpdate = Static<typeof DraftUpdate>;

export const ACTION_CODES = ['submit', 'secrecy', 'approve', 'discard'] as const;
export const ActionBody = Type.Object(
  {
    expectedVersion: Version,
    outcome: Type.Optional(lit(['pass', 'return', 'approve'] as const)),
    opinion: Type.Optional(Type.String({ maxLength: 2000, description: '审查意见' })),
    basis: Type.Optional(Type.String({ maxLength: 500, description: '审查依据, e.g. 《中华人民共和国保守国家秘密法》及本单位保密事项范围' })),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: '退回理由' })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const WaiveBody = Type.Object({ expectedVersion: Version, reason: Type.String({ minLength: 2, maxLength: 500, description: '认定误报的理由' }) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    box: Type.Optional(lit(['mine', 'secrecy', 'approval', 'department'] as const)),
    after: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
  },
  { additionalProperties: false },
);

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const DraftSummary = Type.Object({
  id: Type.String(),
  purpose: lit(PURPOSES),
  state: Type.String(),
  stateZh: Type.String(),
  stateEn: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  department: Named,
  drafter: Named,
  checkState: Type.String(),
  openFindings: Type.Integer(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type DraftSummary = Static<typeof DraftSummary>;

export const FindingView = Type.Object({
  id: Type.String(),
  round: Type.Integer(),
  kind: Type.String(),
  kindZh: Type.String(),
  kindEn: Type.String(),
  field: Type.String(),
  item: Type.Integer(),
  paragraph: Type.Integer(),
  offset: Type.Integer(),
  start: Type.Integer(),
  length: Type.Integer(),
  excerpt: Type.String(),
  term: Nullable(Type.String()),
  waivable: Type.Boolean(),
  state: lit(['open', 'waived'] as const),
  waivedBy: Nullable(Type.String()),
  waiveReason: Nullable(Type.String()),
  waivedAt: Nullable(Type.String()),
});
export type FindingView = Static<typeof FindingView>;

export const DocumentView = Type.Object({
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  kind: Type.String(),
  themeCode: Type.String(),
  issuerDepartmentId: Nullable(Type.String()),
  issuerName: Nullable(Type.String()),
  number: Nullable(Type.String()),
  writtenOn: Type.String(),
  publishOn: Nullable(Type.String()),
  disclosure: Type.String(),
  summary: Nullable(Type.String()),
  body: Type.String(),
  keywords: Type.Array(Type.String()),
  attachments: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String() })),
  interpretationOf: Nullable(Type.String()),
  interpretationForm: Nullable(Type.String()),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  replaces: Type.Array(Type.Object({ id: Type.String(), as: Type.String() })),
});

const DraftRef = Type.Object({ id: Type.String(), title: Type.String(), state: Type.String() });

export const DraftView = Type.Object({
  ...DraftSummary.properties,
  targetId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  document: Nullable(DocumentView),
  interpretationOfDraft: Nullable(DraftRef),
  interpretations: Type.Array(DraftRef),
  findings: Type.Array(FindingView),
  steps: Type.Array(
    Type.Object({
      action: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      actor: Type.String(),
      roles: Type.Array(Type.String()),
      opinion: Nullable(Type.String()),
      outcome: Nullable(Type.String()),
      basis: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
  reviewer: Nullable(Type.Object({ name: Type.String(), basis: Nullable(Type.String()), at: Type.String() })),
  approver: Nullable(Type.Object({ name: Type.String(), at: Type.String() })),
  published: Nullable(Type.Object({ id: Type.String(), indexNo: Nullable(Type.String()) })),
  availableActions: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), requires: Type.Array(Type.String()), outcomes: Type.Array(Type.String()) })),
  editable: Type.Boolean(),
});
export type DraftView = Static<typeof DraftView>;

export const Stepped = Type.Object({
  id: Type.String(),
  state: Type.String(),
  version: Type.Integer(),
  /** For 提交: whether the content check let it through. */
  check: Type.Optional(lit(['clear', 'review', 'blocked'] as const)),
  findings: Type.Optional(Type.Array(FindingView)),
  published: Type.Optional(Type.Array(Type.Object({ draftId: Type.String(), id: Type.String(), indexNo: Nullable(Type.String()) }))),
});
export type Stepped = Static<typeof Stepped>;

export const TERM_CATEGORIES = ['classification', 'bureau', 'other'] as const;
export const TermInput = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 40 }),
    category: lit(TERM_CATEGORIES),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TermInput = Static<typeof TermInput>;
export const TermUpdate = Type.Object(
  {
    expectedVersion: Version,
    term: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    category: Type.Optional(lit(TERM_CATEGORIES)),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TermUpdate = Static<typeof TermUpdate>;
export const TermView = Type.Object({
  id: Type.String(),
  term: Type.String(),
  category: Type.String(),
  note: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type TermView = Static<typeof TermView>;
export const TermChange = Type.Object({
  id: Type.String(),
  termId: Type.String(),
  action: Type.String(),
  term: Type.String(),
  category: Type.String(),
  note: Nullable(Type.String()),
  active: Type.Boolean(),
  by: Type.String(),
  at: Type.String(),
});
export const LexiconQuery = Type.Object(
  { after: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 })) },
  { additionalProperties: false },
);
