import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { JsonObject, JsonValue } from '../../kernel/http/schemas.ts';
import { WorkflowDefinition } from '../../kernel/workflow/index.ts';
import { LICENCE_KEY_PATTERN, PREFILL_KEYS } from './prefill-keys.ts';
import { DELIVERY_METHODS, ENTERPRISE_EVENTS, EVALUATION_REASONS, ITEM_TYPES, LIFE_EVENTS } from './catalogue-codes.ts';

const lit = (xs: readonly (readonly [string | number, string, string])[]) => Type.Union(xs.map((x) => Type.Literal(x[0] as string)));
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$' });
const Mime = Type.Union([Type.Literal('application/pdf'), Type.Literal('image/png'), Type.Literal('image/jpeg'), Type.Literal('application/ofd'), Type.Literal('text/plain')]);

export const Material = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    name: Text(100),
    /** English name for the English pages; absent, they show the Chinese name. */
    nameEn: Type.Optional(Text(200)),
    required: Type.Boolean(),
    form: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('electronic')]),
    /** Can be replaced by an e-licence of this type or by shared data (免证办); the licences module uses it. */
    replaceableBy: Type.Optional(Type.Union([Type.Null(), Type.Object({ kind: Type.Union([Type.Literal('licence'), Type.Literal('data')]), ref: Text(80) }, { additionalProperties: false })])),
    accept: Type.Optional(Type.Array(Mime, { minItems: 1, maxItems: 5 })),
    /** When an optional material is needed (容缺/视情形提交), e.g. 委托他人办理的. */
    condition: Type.Optional(Text(200)),
    /** Largest file accepted, in MB. */
    maxSizeMb: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    /** Paper copies for window delivery (份数). */
    copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const FormDefinition = Type.Object(
  {
    /** JSON Schema (draft-07) of the application form; validated on the server with the same schema. */
    schema: JsonObject,
    uiSchema: Type.Optional(JsonObject),
    /** Form field → what the platform knows (e.g. `person.idNumber`, `person.address`, `licence.business_licence`); those fields are filled by the server. */
    prefill: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' }), Type.Union([...PREFILL_KEYS.map((k) => Type.Literal(k)), Type.String({ pattern: LICENCE_KEY_PATTERN })])),
    ),
  },
  { additionalProperties: false },
);

/**
 * 秒批: a JsonLogic rule over declared facts (kernel/rules) about the applicant, a person or an
 * entity. Checked against the fact catalogue when the item is saved.
 */
export const InstantRule = Type.Object(
  {
    rule: JsonObject,
    subject: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
  },
  { additionalProperties: false },
);
export type InstantRule = Static<typeof InstantRule>;

/** The elements of one version of an implementation list entry (实施清单). */
export const ItemContent = Type.Object(
  {
    name: Text(100, 2),
    nameEn: Type.Optional(Text(200)),
    itemType: lit(ITEM_TYPES),
    departmentId: Uuid,
    legalBasis: Text(2000),
    applicantTypes: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), { minItems: 1, maxItems: 2, uniqueItems: true }),
    assuranceLevel: Type.Integer({ minimum: 1, maximum: 3 }),
    statutoryDays: Type.Integer({ minimum: 0, maximum: 365 }),
    promisedDays: Type.Integer({ minimum: 0, maximum: 365 }),
    /** 即办件 (done on the spot) or 承诺件 (done within the promised days). */
    handling: Type.Union([Type.Literal('instant'), Type.Literal('promised')]),
    feeFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    visits: Type.Integer({ minimum: 0, maximum: 5 }),
    materials: Type.Array(Material, { maxItems: 40 }),
    conditions: Text(2000),
    deliveryMethods: Type.Array(lit(DELIVERY_METHODS), { minItems: 1, maxItems: 3, uniqueItems: true }),
    lifeEvents: Type.Array(lit(LIFE_EVENTS), { maxItems: 10, uniqueItems: true }),
    enterpriseEvents: Type.Array(lit(ENTERPRISE_EVENTS), { maxItems: 7, uniqueItems: true }),
    form: FormDefinition,
    workflow: WorkflowDefinition,
    /** Everyday names people use for the item (低保, 社保卡): searched almost like its name. Absent in old versions. */
    aliases: Type.Optional(Type.Array(Text(30), { maxItems: 20 })),
    /** Questions people ask for it in their own words: searched below the name and aliases. */
    examples: Type.Optional(Type.Array(Text(100), { maxItems: 20 })),
    /** 审批分离: whoever passed the review may not also decide. Absent: on for 行政许可, off otherwise. */
    separationOfDuties: Type.Optional(Type.Boolean()),
    /** 秒批: approved by the platform at once when the applicant's facts satisfy the rule (see instant.ts). */
    instant: Type.Optional(InstantRule),
  },
  { additionalProperties: false },
);
export type ItemContent = Static<typeof ItemContent>;
export type Material = Static<typeof Material>;

export const ItemInput = Type.Object({ code: Type.String({ pattern: '^[0-9A-Za-z-]{4,40}$' }), regionCode: RegionCode, content: ItemContent }, { additionalProperties: false });
export type ItemInput = Static<typeof ItemInput>;

export const ItemPatch = Type.Object(
  {
    /** The version the editor started from (optimistic lock). */
    baseVersion: Type.Integer({ minimum: 1 }),
    content: ItemContent,
    note: Type.Optional(Text(200)),
    /** Move applications in flight onto the new workflow (refused if it would strand any). */
    migrateRunning: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ItemPatch = Static<typeof ItemPatch>;

export const ItemSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  itemType: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Type.Union([Type.String(), Type.Null()]),
  applicantTypes: Type.Array(Type.String()),
  promisedDays: Type.Integer(),
  visits: Type.Integer(),
  handling: Type.String(),
  /** 全程网办: no visit to a hall is needed (visits = 0). */
  fullyOnline: Type.Boolean(),
  version: Type.Integer(),
  active: Type.Boolean(),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const ItemDetail = Type.Composite([ItemSummary, Type.Object({ versionId: Type.String(), content: ItemContent, updatedAt: Type.String() })]);
export type ItemDetail = Static<typeof ItemDetail>;

export const page = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t), next: Type.Union([Type.String(), Type.Null()]) });

/** A page of the catalogue; a text search also names its query-log entry, for the click-through call. */
export const CataloguePage = Type.Object({ items: Type.Array(ItemSummary), next: Type.Union([Type.String(), Type.Null()]), queryId: Type.Union([Type.String(), Type.Null()]) });

export const CatalogueQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    lifeEvent: Type.Optional(lit(LIFE_EVENTS)),
    enterpriseEvent: Type.Optional(lit(ENTERPRISE_EVENTS)),
    departmentId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    applicantType: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('enterprise')])),
    includeInactive: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CatalogueQuery = Static<typeof CatalogueQuery>;

/** A material: an uploaded file, or (免证办) an e-licence the applicant holds, cited with their consent. */
export const MaterialRef = Type.Object(
  {
    code: Type.String({ maxLength: 40 }),
    fileId: Type.Optional(Uuid),
    licenceId: Type.Optional(Uuid),
    /** The applicant agrees that the department reads this licence for this application. */
    consent: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);

export const ApplicationInput = Type.Object(
  {
    itemId: Uuid,
    form: JsonObject,
    materials: Type.Array(MaterialRef, { maxItems: 60 }),
    /** Window staff submitting for an applicant who is present (线下受理): name and ID number read from the card. */
    onBehalfOf: Type.Optional(Type.Object({ name: Text(50), idNumber: Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' }) }, { additionalProperties: false })),
    /** 告知承诺制: the applicant commits in writing instead of proving some conditions now; the approval is verified afterwards. */
    commitment: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ApplicationInput = Static<typeof ApplicationInput>;

export const ActionBody = Type.Object(
  {
    action: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    opinion: Type.Optional(Type.String({ maxLength: 2000 })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    items: Type.Optional(Type.Array(Text(200), { maxItems: 30 })),
    delivery: Type.Optional(lit(DELIVERY_METHODS)),
    /** The state the actor saw, so two people acting at once cannot both succeed. */
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Answering a 补正: corrected form fields and replaced materials. */
    form: Type.Optional(JsonObject),
    materials: Type.Optional(Type.Array(MaterialRef, { maxItems: 60 })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const ApplicationView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  regionCode: Type.String(),
  itemId: Type.String(),
  itemName: Type.String(),
  itemNameEn: Type.Union([Type.String(), Type.Null()]),
  itemVersion: Type.Integer(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Type.Union([Type.String(), Type.Null()]),
  applicantName: Type.String(),
  enterpriseName: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  state: Type.String(),
  stateName: Type.Object({ zh: Type.String(), en: Type.String() }),
  outcome: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  stepDueAt: Type.Union([Type.String(), Type.Null()]),
  paused: Type.Boolean(),
  timeStatus: Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('overdue'), Type.Literal('paused'), Type.Literal('done')]),
  assigneeName: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  evaluated: Type.Boolean(),
  /** The 一件事 this 办件 is a member of (queues mark it). */
  bundleApplicationId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** For staff: what this person may do with it now (workflow steps for them, 认领 / 释放). */
  myActions: Type.Optional(Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), requires: Type.Array(Type.String()) }))),
});
export type ApplicationView = Static<typeof ApplicationView>;

export const ActionRow = Type.Object({
  action: Type.String(),
  actionName: Type.Object({ zh: Type.String(), en: Type.String() }),
  fromState: Type.Union([Type.String(), Type.Null()]),
  toState: Type.String(),
  actorName: Type.String(),
  actorType: Type.String(),
  opinion: Type.Union([Type.String(), Type.Null()]),
  payload: JsonValue,
  at: Type.String(),
});

export const ApplicationDetail = Type.Composite([
  ApplicationView,
  Type.Object({
    form: JsonObject,
    /** Field name → its title in the form the application was made under, for reading the form. */
    formTitles: Type.Record(Type.String(), Type.String()),
    /** The same in English, for the fields that have an English title (`x-title-en`). */
    formTitlesEn: Type.Record(Type.String(), Type.String()),
    materials: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        nameEn: Type.Optional(Type.String()),
        fileId: Type.Optional(Type.String()),
        licenceId: Type.Optional(Type.String()),
        /** 免提交: not handed in, because a base database or a held licence stood in for it. */
        replacedBy: Type.Optional(
          Type.Object({
            kind: Type.Union([Type.Literal('data'), Type.Literal('licence')]),
            ref: Type.String(),
            zh: Type.String(),
            en: Type.String(),
            resource: Type.Optional(Type.String()),
          }),
        ),
        licence: Type.Optional(
          Type.Object({
            id: Type.String(),
            identifier: Type.String(),
            licenceNo: Type.String(),
            name: Type.String(),
            issuerName: Type.String(),
            validUntil: Type.Union([Type.String(), Type.Null()]),
            status: Type.String(),
            statusLabel: Type.String(),
          }),
        ),
      }),
    ),
    supplementItems: Type.Array(Type.String()),
    resultFileId: Type.Union([Type.String(), Type.Null()]),
    delivery: Type.Union([Type.String(), Type.Null()]),
    history: Type.Array(ActionRow),
    actions: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), requires: Type.Array(Type.String()) })),
    workingDaysUsed: Type.Union([Type.Integer(), Type.Null()]),
  }),
]);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const QueueQuery = Type.Object(
  {
    /** The queue: a state from which the caller may take a step (absent: all of the caller's queues). */
    state: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' })),
    /** 办件编号, applicant or enterprise name (part of it). */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    itemId: Type.Optional(Uuid),
    /** Submitted on or after / on or before this day (China time). */
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    timeStatus: Type.Optional(Type.Union([Type.Literal('warning'), Type.Literal('overdue')])),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueCounts = Type.Array(Type.Object({ state: Type.String(), zh: Type.String(), en: Type.String(), count: Type.Integer(), overdue: Type.Integer() }), {
  description: 'The queues this person works, each a state from which they may take a step',
});

/** 批量认领: ids of applications, each claimed (or released) on its own. */
export const BulkClaim = Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }), release: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type BulkClaim = Static<typeof BulkClaim>;

/** One item's result in a bulk action: done, or the error it met (the others go on). */
export const BulkResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      ok: Type.Boolean(),
      code: Type.Optional(Type.String()),
      status: Type.Optional(Type.Integer()),
      zh: Type.Optional(Type.String()),
      en: Type.Optional(Type.String()),
    }),
  ),
});

export const EvaluationInput = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    reasons: Type.Array(lit(EVALUATION_REASONS), { maxItems: 10, uniqueItems: true }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type EvaluationInput = Static<typeof EvaluationInput>;

export const Rectification = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  applicationNumber: Type.String(),
  itemName: Type.String(),
  departmentId: Type.String(),
  level: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  dueAt: Type.String(),
  reply: Type.Union([Type.String(), Type.Null()]),
  repliedAt: Type.Union([Type.String(), Type.Null()]),
  followUpSatisfied: Type.Union([Type.Boolean(), Type.Null()]),
  followUpComment: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
});
export type Rectification = Static<typeof Rectification>;
