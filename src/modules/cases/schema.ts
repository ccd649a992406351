import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { JsonValue } from '../../kernel/http/schemas.ts';
import { CASE_KINDS, CHANNELS, URGENCIES } from './workflow.ts';

const lit = (xs: readonly (readonly [string, string, string])[]) => Type.Union(xs.map(([c]) => Type.Literal(c)));
const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const CategoryCode = Type.String({ pattern: '^[0-9]{2}([0-9]{2}){0,3}$', maxLength: 8 });

export const Kind = lit(CASE_KINDS);
export const Urgency = lit(URGENCIES);
export const Channel = lit(CHANNELS);

/** A report from any channel. Who may send which channel is decided by the service. */
export const CaseInput = Type.Object(
  {
    channel: Type.Optional(Channel),
    kind: Kind,
    urgency: Type.Optional(Urgency),
    title: Type.Optional(Text(100)),
    content: Text(2000),
    callerName: Type.Optional(Type.String({ maxLength: 40 })),
    callerPhone: Type.Optional(Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' })),
    confidential: Type.Optional(Type.Boolean()),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 9, uniqueItems: true })),
    categoryCode: Type.Optional(CategoryCode),
    externalRef: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    attributes: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), { maxProperties: 30 })),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseInput>;

export const Suggestion = Type.Object({
  categoryCode: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  level: Nullable(Type.String()),
  confidence: Type.Number(),
  basis: Type.Array(Type.String()),
});
export type Suggestion = Static<typeof Suggestion>;

export const Visit = Type.Object(
  {
    reached: Type.Boolean(),
    solved: Type.Optional(Type.Boolean()),
    satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Visit = Static<typeof Visit>;

/** One step on a case. Which fields are needed depends on the action. */
export const CaseActionBody = Type.Object(
  {
    action: Type.String({ pattern: '^[a-z_]{2,40}$' }),
    reason: Type.Optional(Text(2000)),
    categoryCode: Type.Optional(CategoryCode),
    urgency: Type.Optional(Urgency),
    departmentId: Type.Optional(Uuid),
    gridCode: Type.Optional(Type.String({ maxLength: 40 })),
    helperDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 5, uniqueItems: true })),
    duplicateOf: Type.Optional(Uuid),
    /** 直接答复 from a knowledge-base entry: counted, so the answers used most rank first. */
    knowledgeId: Type.Optional(Uuid),
    photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 9, uniqueItems: true })),
    visit: Type.Optional(Visit),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type CaseActionBody = Static<typeof CaseActionBody>;

/** Steps beside the workflow: 催办, 督办, 升级, 延期 request and decision, 协办 opinion. */
export const CaseNoteBody = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('remind'),
      Type.Literal('supervise'),
      Type.Literal('escalate'),
      Type.Literal('request_extension'),
      Type.Literal('approve_extension'),
      Type.Literal('refuse_extension'),
      Type.Literal('assist'),
    ]),
    text: Text(1000),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  },
  { additionalProperties: false },
);
export type CaseNoteBody = Static<typeof CaseNoteBody>;

export const CaseSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  channel: Type.String(),
  kind: Type.String(),
  urgency: Type.String(),
  title: Type.String(),
  state: Type.String(),
  open: Type.Boolean(),
  categoryCode: Nullable(Type.String()),
  categoryName: Nullable(Type.String()),
  handlingDepartmentId: Nullable(Type.String()),
  handlingDepartmentName: Nullable(Type.String()),
  streetCode: Nullable(Type.String()),
  gridCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  createdAt: Type.String(),
  responseDueAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  supervisionLevel: Type.Integer(),
  extensionStatus: Nullable(Type.String()),
  duplicates: Type.Integer(),
  version: Type.Integer(),
  /** In staff lists: the workflow steps this person may take on it now. */
  myActions: Type.Optional(Type.Array(Type.String())),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseHistoryEntry = Type.Object({
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  actorName: Type.String(),
  actorType: Type.String(),
  departmentName: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  payload: JsonValue,
  at: Type.String(),
});

export const CaseDetail = Type.Composite([
  CaseSummary,
  Type.Object({
    /** The workflow version the case runs under, and its state's words in that version. */
    workflowVersion: Type.Integer(),
    stateLabel: Type.Object({ zh: Type.String(), en: Type.String() }),
    content: Type.String(),
    callerName: Nullable(Type.String()),
    callerPhone: Nullable(Type.String()),
    /** Whether this person may ask for the number in full (查看完整号码, recorded). */
    canRevealPhone: Type.Boolean(),
    confidential: Type.Boolean(),
    lon: Nullable(Type.Number()),
    lat: Nullable(Type.Number()),
    streetName: Nullable(Type.String()),
    photoIds: Type.Array(Type.String()),
    suggestions: Type.Array(Suggestion),
    tookFirst: Nullable(Type.Boolean()),
    helperDepartments: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    dispatcherDepartmentId: Nullable(Type.String()),
    acceptedAt: Nullable(Type.String()),
    repliedAt: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    answer: Nullable(Type.String()),
    reply: Nullable(Type.String()),
    replyPhotoIds: Type.Array(Type.String()),
    solved: Nullable(Type.Boolean()),
    satisfaction: Nullable(Type.Integer()),
    reopenCount: Type.Integer(),
    returns: Type.Integer(),
    extensionDays: Nullable(Type.Integer()),
    duplicateOf: Nullable(Type.String()),
    repeatCaller: Type.Boolean(),
    actions: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), requires: Type.Array(Type.String()) })),
    history: Type.Array(CaseHistoryEntry),
  }),
]);

export const Limits = Type.Object(
  {
    urgent: Type.Object({ responseHours: Type.Integer({ minimum: 1, maximum: 72 }), completeDays: Type.Integer({ minimum: 1, maximum: 60 }) }, { additionalProperties: false }),
    ordinary: Type.Object({ responseHours: Type.Integer({ minimum: 1, maximum: 72 }), completeDays: Type.Integer({ minimum: 1, maximum: 60 }) }, { additionalProperties: false }),
    consult: Type.Object({ responseHours: Type.Integer({ minimum: 1, maximum: 72 }), completeDays: Type.Integer({ minimum: 1, maximum: 60 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Limits = Static<typeof Limits>;

export const CategoryInput = Type.Object(
  {
    code: CategoryCode,
    parentCode: Type.Optional(Nullable(CategoryCode)),
    name: Text(40),
    nameEn: Type.Optional(Type.String({ maxLength: 80 })),
    limits: Type.Optional(Limits),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryInput = Static<typeof CategoryInput>;
export const Category = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  limits: Limits,
  active: Type.Boolean(),
  leaf: Type.Boolean(),
  version: Type.Integer(),
});
export type Category = Static<typeof Category>;

export const DutyInput = Type.Object(
  {
    regionCode: Type.String({ pattern: '^[0-9]{6,12}$' }),
    categoryCode: CategoryCode,
    level: Type.Union([Type.Literal('department'), Type.Literal('street')]),
    departmentId: Type.Optional(Nullable(Uuid)),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 40, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DutyInput = Static<typeof DutyInput>;
export const Duty = Type.Composite([
  Type.Omit(DutyInput, ['departmentId', 'note', 'active']),
  Type.Object({ id: Type.String(), departmentId: Nullable(Type.String()), departmentName: Nullable(Type.String()), note: Nullable(Type.String()), active: Type.Boolean(), version: Type.Integer() }),
]);
export type Duty = Static<typeof Duty>;

export const KnowledgeInput = Type.Object(
  {
    title: Text(100),
    body: Text(5000),
    categoryCode: Type.Optional(Nullable(CategoryCode)),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
    /** 公开: also shown in the public Q&A (统一知识问答库) citizens search without signing in. */
    public: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type KnowledgeInput = Static<typeof KnowledgeInput>;
export const Knowledge = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  categoryCode: Nullable(Type.String()),
  keywords: Type.Array(Type.String()),
  active: Type.Boolean(),
  uses: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  public: Type.Boolean(),
  /** Where the entry came from when another module made it public (e.g. an answered 政民互动 question). */
  publicRef: Nullable(Type.String()),
});
export type Knowledge = Static<typeof Knowledge>;

export const page = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t), next: Nullable(Type.String()) });
