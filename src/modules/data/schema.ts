import { Type, type Static } from '@sinclair/typebox';
import { DaySchema } from '../../kernel/http/schemas.ts';

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
    /** A table of this database (named data_…), or an upstream HTTP lookup URL. */
    backing: Type.Union([Type.Literal('table'), Type.Literal('http')]),
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
