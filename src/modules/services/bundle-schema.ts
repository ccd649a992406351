import { Type, type Static } from '@sinclair/typebox';
import { JsonObject } from '../../kernel/http/schemas.ts';
import { DELIVERY_METHODS, ENTERPRISE_EVENTS, LIFE_EVENTS } from './catalogue-codes.ts';

const lit = (xs: readonly (readonly [string | number, string, string])[]) => Type.Union(xs.map((x) => Type.Literal(x[0] as string)));
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ItemCode = Type.String({ pattern: '^[0-9A-Za-z-]{4,40}$' });

/** One member item of a 一件事 and the members it waits for (their 办件 must be approved first). */
export const BundleMember = Type.Object({ itemCode: ItemCode, after: Type.Array(ItemCode, { maxItems: 12, uniqueItems: true }) }, { additionalProperties: false });
export type BundleMember = Static<typeof BundleMember>;

/** What an administrator edits: the bundle's names, who it is for, its life or enterprise event and its members. */
export const BundleDefinition = Type.Object(
  {
    name: Text(100, 2),
    nameEn: Type.Optional(Text(200)),
    description: Type.Optional(Text(1000)),
    descriptionEn: Type.Optional(Text(2000)),
    applicantType: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
    lifeEvents: Type.Array(lit(LIFE_EVENTS), { maxItems: 10, uniqueItems: true }),
    enterpriseEvents: Type.Array(lit(ENTERPRISE_EVENTS), { maxItems: 7, uniqueItems: true }),
    members: Type.Array(BundleMember, { minItems: 2, maxItems: 12 }),
  },
  { additionalProperties: false },
);
export type BundleDefinition = Static<typeof BundleDefinition>;

export const BundleInput = Type.Object({ code: ItemCode, regionCode: Type.String({ pattern: '^[0-9]{2,12}$' }), content: BundleDefinition }, { additionalProperties: false });
export type BundleInput = Static<typeof BundleInput>;

export const BundlePatch = Type.Object({ baseVersion: Type.Integer({ minimum: 1 }), content: BundleDefinition, note: Type.Optional(Text(200)) }, { additionalProperties: false });
export type BundlePatch = Static<typeof BundlePatch>;

/** Which member field a merged field feeds. */
export const FieldTarget = Type.Object({ itemCode: Type.String(), field: Type.String() });
/** A material asked once for every member that needs a document of that name. */
export const MergedMaterial = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  required: Type.Boolean(),
  accept: Type.Array(Type.String()),
  targets: Type.Array(FieldTarget),
});
export type MergedMaterial = Static<typeof MergedMaterial>;

/** The merged form stored with each bundle version: each field asked once, and where its value goes. */
export const MergedForm = Type.Object({
  schema: JsonObject,
  uiSchema: JsonObject,
  prefill: Type.Record(Type.String(), Type.String()),
  fieldMap: Type.Record(Type.String(), Type.Array(FieldTarget)),
});
export type MergedForm = Static<typeof MergedForm>;

export const BundleMemberView = Type.Object({
  itemCode: Type.String(),
  itemId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Nullable(Type.String()),
  promisedDays: Type.Integer(),
  after: Type.Array(Type.String()),
  /** 0 for members that start at once, 1 for those that wait for them, and so on (the step diagram's columns). */
  stage: Type.Integer(),
});
export type BundleMemberView = Static<typeof BundleMemberView>;

export const BundleSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  applicantType: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  enterpriseEvents: Type.Array(Type.String()),
  members: Type.Integer(),
  active: Type.Boolean(),
});
export type BundleSummary = Static<typeof BundleSummary>;

export const BundleDetail = Type.Object({
  ...BundleSummary.properties,
  version: Type.Integer(),
  versionId: Type.String(),
  description: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  memberItems: Type.Array(BundleMemberView),
  form: MergedForm,
  materials: Type.Array(MergedMaterial),
});
export type BundleDetail = Static<typeof BundleDetail>;

export const BundleQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    lifeEvent: Type.Optional(lit(LIFE_EVENTS)),
    enterpriseEvent: Type.Optional(lit(ENTERPRISE_EVENTS)),
  },
  { additionalProperties: false },
);
export type BundleQuery = Static<typeof BundleQuery>;

/** One submission of a 一件事: the merged form and each merged material once. */
export const BundleApplicationInput = Type.Object(
  {
    form: JsonObject,
    materials: Type.Array(Type.Object({ code: Type.String({ maxLength: 40 }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), { maxItems: 60 }),
  },
  { additionalProperties: false },
);
export type BundleApplicationInput = Static<typeof BundleApplicationInput>;

export const BUNDLE_STATES = ['submitted', 'in_progress', 'completed', 'blocked', 'delivered'] as const;
export type BundleState = (typeof BUNDLE_STATES)[number];

export const BundleMemberStatus = Type.Object({
  itemCode: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  departmentName: Type.String(),
  departmentNameEn: Nullable(Type.String()),
  after: Type.Array(Type.String()),
  /** Not yet created (waiting for `waitingFor`), or the 办件 with its state. */
  applicationId: Nullable(Type.String()),
  number: Nullable(Type.String()),
  state: Type.String(),
  stateName: Nullable(Type.String()),
  stateNameEn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  waitingFor: Type.Array(Type.String()),
});

export const BundleApplicationView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  bundleId: Type.String(),
  bundleCode: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  state: Type.Union(BUNDLE_STATES.map((s) => Type.Literal(s))),
  reason: Nullable(Type.String()),
  applicantName: Type.String(),
  submittedAt: Type.String(),
  completedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  delivery: Nullable(Type.String()),
  members: Type.Array(BundleMemberStatus),
});
export type BundleApplicationView = Static<typeof BundleApplicationView>;

export const BundleApplicationList = Type.Object({
  items: Type.Array(Type.Omit(BundleApplicationView, ['members'])),
  next: Nullable(Type.String()),
});

export const BundleApplicationQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean()),
    state: Type.Optional(Type.Union(BUNDLE_STATES.map((s) => Type.Literal(s)))),
    after: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type BundleApplicationQuery = Static<typeof BundleApplicationQuery>;

export const BundleDeliverBody = Type.Object({ delivery: lit(DELIVERY_METHODS), opinion: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type BundleDeliverBody = Static<typeof BundleDeliverBody>;
