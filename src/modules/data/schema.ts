import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DaySchema, JsonObject } from '../../kernel/http/schemas.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const Day = DaySchema;
export const ItemCode = Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,39}$' });
// Generic in the codes, so a body's type carries the literal codes the tables declare.
const lit = <T extends string>(xs: readonly (readonly [T, string, string])[]) => Type.Union(xs.map((x) => Type.Literal(x[0])));

export const CATEGORIES = [
  ['base', '基础库', 'Base database'],
  ['theme', '主题库', 'Theme database'],
  ['department', '部门库', 'Department database'],
] as const;
export const SHARING_TYPES = [
  ['unconditional', '无条件共享', 'Shared without conditions'],
  ['conditional', '有条件共享', 'Shared on conditions'],
  ['none', '不予共享', 'Not shared'],
] as const;
export const OPEN_TYPES = [
  ['open', '无条件开放', 'Open'],
  ['conditional', '有条件开放', 'Open on conditions'],
  ['none', '不予开放', 'Not open'],
] as const;
export const FREQUENCIES = [
  ['realtime', '实时', 'Real time', 0.1],
  ['daily', '每日', 'Daily', 1],
  ['weekly', '每周', 'Weekly', 7],
  ['monthly', '每月', 'Monthly', 31],
  ['quarterly', '每季度', 'Quarterly', 92],
  ['yearly', '每年', 'Yearly', 366],
] as const;
/** Sensitivity grades of data items; L3 and L4 are masked unless a grant allows clear values. */
export const GRADES = [
  ['L1', '公开', 'Public'],
  ['L2', '内部', 'Internal'],
  ['L3', '敏感', 'Sensitive'],
  ['L4', '高度敏感', 'Highly sensitive'],
] as const;
/** GB/T 43697 数据分类分级: 一般 / 重要 / 核心. */
export const IMPORTANCE = [
  ['general', '一般数据', 'General data'],
  ['important', '重要数据', 'Important data'],
  ['core', '核心数据', 'Core data'],
] as const;
export const DATA_TYPES = [
  ['string', '字符', 'Text'],
  ['integer', '整数', 'Integer'],
  ['number', '数值', 'Number'],
  ['date', '日期', 'Date'],
  ['boolean', '布尔', 'Yes/no'],
] as const;
export const FORMATS = ['citizen-id', 'credit-code', 'region-code', 'date', 'phone'] as const;

/** How an item is stored: a plain column, or encrypted with a blind index and a masked copy. */
export const Storage = Type.Union([
  Type.Object({ column: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }) }, { additionalProperties: false }),
  Type.Object({ encrypted: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), index: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), masked: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }) }, { additionalProperties: false }),
  Type.Object({ field: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,62}$' }) }, { additionalProperties: false }),
]);
export type Storage = Static<typeof Storage>;

export const QualityRule = Type.Union([
  Type.Object({ kind: Type.Literal('required') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('format'), format: Type.Union(FORMATS.map((f) => Type.Literal(f))) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('range'), min: Type.Optional(Type.Union([Type.Number(), Day])), max: Type.Optional(Type.Union([Type.Number(), Day])) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('unique') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('exists-in'), resource: Type.String({ maxLength: 40 }), item: ItemCode }, { additionalProperties: false }),
]);
export type QualityRule = Static<typeof QualityRule>;

export const ItemInput = Type.Object(
  {
    code: ItemCode,
    name: Text(40),
    description: Type.Optional(Text(300, 0)),
    dataType: lit(DATA_TYPES),
    standard: Type.Optional(Text(60)),
    grade: lit(GRADES),
    importance: lit(IMPORTANCE),
    /** The data element this item is the source of (一数一源), e.g. `person.name`. */
    element: Type.Optional(Type.String({ pattern: '^[a-z][a-zA-Z0-9_.]{1,59}$' })),
    storage: Storage,
    rules: Type.Optional(Type.Array(QualityRule, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemInput>;

export const ResourceInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{3,39}$' }),
    name: Text(60, 2),
    description: Type.Optional(Text(1000, 0)),
    providerDepartmentId: Uuid,
    regionCode: Type.String({ pattern: '^[0-9]{6,12}$' }),
    category: lit(CATEGORIES),
    /** A table of this database (named data_…), an upstream HTTP lookup URL, or stored records (`data_record`). */
    backing: Type.Union([Type.Literal('table'), Type.Literal('http'), Type.Literal('records')]),
    backingRef: Text(300),
    /** The item single lookups match on (e.g. the ID number). */
    keyItem: Type.Optional(ItemCode),
    sharingType: lit(SHARING_TYPES),
    sharingBasis: Type.Optional(Text(500)),
    openType: lit(OPEN_TYPES),
    openBasis: Type.Optional(Text(500)),
    updateFrequency: Type.Union(FREQUENCIES.map((f) => Type.Literal(f[0]))),
    items: Type.Array(ItemInput, { minItems: 1, maxItems: 80 }),
  },
  { additionalProperties: false },
);
export type ResourceInput = Static<typeof ResourceInput>;

/*
 * The answers. Fastify serializes them with these schemas and drops what a schema does not
 * declare, so each shape lists every field its service method returns.
 */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** A resource as the catalogue lists it (`DataCatalogue.search`). */
export const ResourceSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  providerDepartmentId: Uuid,
  providerName: Type.String(),
  sharingType: Type.String(),
  openType: Type.String(),
  updateFrequency: Type.String(),
  lastUpdatedAt: Nullable(DateTime),
  /** How many data items it has. */
  items: Type.Integer(),
});

/** One data item of a resource as stored (`ResourceItem`). */
export const ResourceItemView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  dataType: Type.String(),
  standard: Nullable(Type.String()),
  grade: lit(GRADES),
  importance: Type.String(),
  element: Nullable(Type.String()),
  storage: Storage,
  rules: Type.Array(QualityRule),
});

/** A resource with its items (`Resource`). */
export const ResourceView = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  providerDepartmentId: Uuid,
  providerName: Type.String(),
  regionCode: Type.String(),
  category: Type.String(),
  backing: Type.Union([Type.Literal('table'), Type.Literal('http'), Type.Literal('records')]),
  backingRef: Type.String(),
  keyItem: Nullable(Type.String()),
  sharingType: Type.String(),
  sharingBasis: Nullable(Type.String()),
  openType: Type.String(),
  openBasis: Nullable(Type.String()),
  updateFrequency: Type.String(),
  lastUpdatedAt: Nullable(DateTime),
  items: Type.Array(ResourceItemView),
});

export const ListKind = Type.Union([Type.Literal('duty'), Type.Literal('demand'), Type.Literal('negative')]);

/** An entry of the duty, demand or negative list (`DataLists.list`). */
export const ListEntry = Type.Object({
  id: Uuid,
  departmentId: Uuid,
  title: Type.String(),
  detail: Type.String(),
  basis: Nullable(Type.String()),
  status: Type.String(),
  resourceCode: Nullable(Type.String()),
  resourceName: Nullable(Type.String()),
  createdAt: DateTime,
});

/** A sharing request in a list (`SharingRequests.list`). */
export const SharingRequestSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  state: Type.String(),
  systemName: Type.String(),
  purpose: Type.String(),
  items: Type.Array(Type.String()),
  clearItems: Type.Array(Type.String()),
  periodFrom: Day,
  periodTo: Day,
  dueAt: DateTime,
  /** Still undecided after its due time. */
  overdue: Type.Boolean(),
  resourceCode: Type.String(),
  resourceName: Type.String(),
  /** The items' names in the catalogue, in the order of `items`. */
  itemNames: Type.Array(Type.String()),
  requesterDepartmentId: Uuid,
  providerDepartmentId: Uuid,
});

/** Where a request stands after a decision; an approval names the consuming system's client. */
export const DecisionAnswer = Type.Object({ state: Type.String(), clientId: Type.Optional(Type.String()) });

/** The consuming system's credentials, shown once. */
export const Credentials = Type.Object({ clientId: Type.String(), clientSecret: Type.String(), expiresAt: DateTime, tokenEndpoint: Type.String() });

/** One gateway call as recorded (`DataUsage.list`). */
export const UsageEntry = Type.Object({
  id: Uuid,
  at: DateTime,
  clientId: Type.String(),
  operation: Type.String(),
  purpose: Type.String(),
  items: Type.Array(Type.String()),
  rows: Type.Integer(),
  outcome: Type.String(),
  resourceCode: Type.String(),
  resourceName: Type.String(),
});

/** The usage records as a spreadsheet. */
export const UsageCsv = Type.String({ description: 'CSV（UTF-8，带 BOM）/ CSV, UTF-8 with a byte order mark' });

/** The sharing figures (`DataUsage.figures`); rates are shares from 0 to 1, null when nothing counts yet. */
export const Figures = Type.Object({
  asOf: Day,
  /** Requests by state. */
  requests: Type.Record(Type.String(), Type.Integer()),
  onDemandRate: Nullable(Type.Number()),
  catalogueCoverage: Nullable(Type.Number()),
  callsByResource: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), calls: Type.Integer(), rows: Type.Integer() })),
  overdueRequests: Type.Integer(),
  /** Objections by state. */
  objections: Type.Record(Type.String(), Type.Integer()),
  overdueObjections: Type.Integer(),
});

/** A rule's finding in a run's summary (the offending rows are listed by `…/issues`). */
export const FindingSummary = Type.Object({ item: Nullable(Type.String()), rule: Type.String(), count: Type.Integer(), detail: Type.String() });
export type FindingSummary = Static<typeof FindingSummary>;

/** The latest score of each resource and each providing department's average (`DataQuality.scores`). */
export const QualityScores = Type.Object({
  resources: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      departmentId: Uuid,
      score: Type.Number(),
      rows: Type.Integer(),
      rowsWithIssues: Type.Integer(),
      checkedAt: DateTime,
      findings: Type.Array(FindingSummary),
    }),
  ),
  departments: Type.Array(Type.Object({ departmentId: Uuid, score: Type.Number() })),
});

/** An offending row of the latest run; `rowId` is null for findings about the whole resource (timeliness). */
export const QualityIssue = Type.Object({ item: Nullable(Type.String()), rule: Type.String(), rowId: Nullable(Type.String()), detail: Type.String() });

/** A quality run: its state, its progress and, once done, its result (`QualityRunView`). */
export const QualityRun = Type.Object({
  id: Uuid,
  resourceCode: Type.String(),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  /** Steps of the check (one per rule, and the row count); `total` is known once it runs. */
  progress: Type.Object({ done: Type.Integer(), total: Nullable(Type.Integer()) }),
  queuedAt: Nullable(DateTime),
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
  score: Nullable(Type.Number()),
  rows: Nullable(Type.Integer()),
  rowsWithIssues: Nullable(Type.Integer()),
  findings: Nullable(Type.Array(FindingSummary)),
  failure: Nullable(Type.String()),
});
export type QualityRun = Static<typeof QualityRun>;

export const ObjectionRaised = Type.Object({ id: Uuid, dueAt: DateTime });

/** A data objection in a list (`DataObjections.list`). */
export const ObjectionView = Type.Object({
  id: Uuid,
  resourceCode: Type.String(),
  resourceName: Type.String(),
  rowId: Uuid,
  item: Type.String(),
  description: Type.String(),
  state: Type.Union([Type.Literal('open'), Type.Literal('corrected'), Type.Literal('explained')]),
  answer: Nullable(Type.String()),
  dueAt: DateTime,
  overdue: Type.Boolean(),
  departmentId: Uuid,
  providerDepartmentId: Uuid,
});

/**
 * A page of a gateway query. A row's items depend on the resource and the grant; rows of a table
 * resource also carry `_id`, the row to name in a data objection.
 */
export const GatewayPage = Type.Object({
  rows: Type.Array(JsonObject),
  /** Pass as `after` for the next page; null on the last. */
  next: Nullable(Type.String()),
});

/** A bulk export: NDJSON, one row (a JSON object of the granted items) per line. */
export const GatewayExport = {
  description: 'NDJSON：每行一条记录（JSON 对象，数据项随资源与授权而定）/ one row per line, a JSON object of the granted items',
  content: { 'application/x-ndjson': { schema: JsonObject } },
};
