import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** A data item code as the data catalogue writes it. */
const ItemCode = Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,39}$', description: '信息项代码 / data item code' });
const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);

export const MeasureSchema = Type.Object(
  {
    fn: Type.Union([Type.Literal('count'), Type.Literal('sum'), Type.Literal('avg')], { description: 'count 计数 / sum 求和 / avg 平均（sum、avg 仅限数值型信息项）' }),
    item: Type.Optional(ItemCode),
  },
  { additionalProperties: false },
);
export const ConditionSchema = Type.Object(
  {
    item: ItemCode,
    op: Type.Union([Type.Literal('eq'), Type.Literal('in'), Type.Literal('prefix'), Type.Literal('gte'), Type.Literal('lte')]),
    value: Type.Union([Scalar, Type.Array(Scalar, { minItems: 1, maxItems: 20 })]),
  },
  { additionalProperties: false },
);

/** An aggregate query: no operation returns rows. */
export const QueryInput = Type.Object(
  {
    dataset: Type.String({ minLength: 1, maxLength: 100, description: '数据集标识（id 或 name）/ dataset id or name' }),
    groupBy: Type.Optional(Type.Array(ItemCode, { maxItems: 3, description: '分组信息项（至多 3 个）' })),
    measures: Type.Optional(Type.Array(MeasureSchema, { maxItems: 5, description: '统计量（至多 5 个）；每组的记录数总会给出' })),
    where: Type.Optional(Type.Array(ConditionSchema, { maxItems: 5, description: '筛选条件（至多 5 个）' })),
  },
  { additionalProperties: false },
);
export type QueryInput = Static<typeof QueryInput>;
export type Measure = Static<typeof MeasureSchema>;
export type Condition = Static<typeof ConditionSchema>;

const KeyValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/** One released group: exact, or suppressed with its count and values withheld. */
export const ReleasedGroup = Type.Object({
  key: Type.Record(Type.String(), KeyValue),
  count: Nullable(Type.Integer()),
  values: Nullable(Type.Array(Nullable(Type.Number()))),
  suppressed: Type.Boolean(),
  /** small: fewer than k rows; difference: a filter removed 1…k−1 rows of it; complement: hidden so a small group cannot be worked out from the total. */
  reason: Nullable(Type.Union([Type.Literal('small'), Type.Literal('difference'), Type.Literal('complement')])),
});
export type ReleasedGroup = Static<typeof ReleasedGroup>;

export const QueryResult = Type.Object({
  id: Type.String(),
  datasetId: Type.String(),
  k: Type.Integer({ description: 'k 匿名阈值 / the k-anonymity threshold applied' }),
  groupBy: Type.Array(Type.String()),
  measures: Type.Array(MeasureSchema),
  groups: Type.Array(ReleasedGroup),
  /** Groups hidden in all (listed above when their keys may be shown). */
  suppressedGroups: Type.Integer(),
  /** The keys of suppressed groups are withheld too (a grouped item is near-unique). */
  keysWithheld: Type.Boolean(),
  budget: Type.Object({ limit: Type.Integer(), used: Type.Integer() }),
});
export type QueryResult = Static<typeof QueryResult>;

/** What a user may query: their approved sandbox datasets. */
export const AccessItem = Type.Object({
  datasetId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  applicationId: Type.String(),
  rowRegion: Nullable(Type.String()),
  until: Type.String(),
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), dataType: Type.String(), numeric: Type.Boolean() })),
});
export const AccessList = Type.Object({
  datasets: Type.Array(AccessItem),
  k: Type.Integer(),
  budget: Type.Object({ limit: Type.Integer(), used: Type.Integer() }),
});

/** One logged query. */
export const LogEntry = Type.Object({
  id: Type.String(),
  at: DateTime,
  datasetId: Type.String(),
  datasetName: Type.String(),
  accountId: Type.String(),
  accountName: Type.String(),
  applicationId: Nullable(Type.String()),
  query: Type.Object({
    groupBy: Type.Array(Type.String()),
    measures: Type.Array(MeasureSchema),
    where: Type.Array(Type.Object({ item: Type.String(), op: Type.String(), value: Type.Union([Scalar, Type.Array(Scalar, { maxItems: 20 })]) })),
  }),
  status: Type.Union([Type.Literal('running'), Type.Literal('answered'), Type.Literal('refused')]),
  refusalCode: Nullable(Type.String()),
  k: Type.Integer(),
  groupsReturned: Type.Integer(),
  groupsSuppressed: Type.Integer(),
  /** What was released (only for the user's own history and the provider). */
  result: Nullable(Type.Object({ groups: Type.Array(ReleasedGroup), suppressedGroups: Type.Integer(), keysWithheld: Type.Boolean() })),
});
export type LogEntry = Static<typeof LogEntry>;

export const LogQuery = Type.Object(
  {
    dataset: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(Type.Union([Type.Literal('answered'), Type.Literal('refused')])),
    account: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '查询人（账号 id 或姓名）/ who asked: account id or name' })),
    after: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type LogQuery = Static<typeof LogQuery>;
export const HistoryQuery = Type.Object(
  {
    dataset: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    after: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const LogPage = Type.Object({
  items: Type.Array(LogEntry),
  next: Nullable(Type.String()),
  /** Queries per day (China Standard Time), the last 30 days, for the chart. */
  perDay: Type.Array(Type.Object({ day: Type.String(), answered: Type.Integer(), refused: Type.Integer() })),
});
