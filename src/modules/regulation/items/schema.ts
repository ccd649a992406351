import { Type } from '@sinclair/typebox';
import { CHECK_METHOD_CODES, CHECK_METHODS, ITEM_LEVELS } from './methods.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Level = Type.Union(
  ITEM_LEVELS.map((l) => Type.Literal(l)),
  { description: '监管层级：general 一般检查事项 / key 重点检查事项' },
);
export const Method = Type.Union(
  CHECK_METHOD_CODES.map((m) => Type.Literal(m)),
  { description: `检查方式：${CHECK_METHOD_CODES.map((m) => `${m} ${CHECK_METHODS[m].zh}`).join(' / ')}` },
);

const Code = Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', description: '监管事项编码（本地区唯一），如 JG-SCJG-0001' });
const ServiceCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' });

const ItemFields = {
  code: Code,
  name: Type.String({ minLength: 2, maxLength: 200, description: '监管事项名称' }),
  basis: Type.String({ minLength: 2, maxLength: 2000, description: '设定依据' }),
  departmentId: Uuid,
  level: Level,
  methods: Type.Array(Method, { minItems: 1, maxItems: CHECK_METHOD_CODES.length, description: '检查方式' }),
  entityTypes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, description: '检查对象类型' })),
  content: Type.Optional(Type.String({ maxLength: 4000, description: '检查内容' })),
  randomCheck: Type.Optional(Type.Boolean({ description: '列入随机抽查事项清单' })),
  licensingItemCodes: Type.Optional(Type.Array(ServiceCode, { maxItems: 50, description: '照单监管：所对应的行政许可事项编码' })),
  // Absent means none. Not nullable: the API coerces types, and 0 would silently become null.
  commitmentVerifyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: '告知承诺核查时限（工作日）；不填为无' })),
};

export const ItemInputSchema = Type.Object(ItemFields, { additionalProperties: false });
export const ItemUpdateSchema = Type.Object({ ...ItemFields, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const ActiveInput = Type.Object({ expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    department: Type.Optional(Uuid),
    level: Type.Optional(Level),
    randomCheck: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
    after: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export const CoverageQuery = Type.Object({ department: Type.Optional(Uuid), missingOnly: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const PublicQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$', description: '行政区划代码（默认本平台所在地区）' })),
    department: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ItemView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  basis: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  level: Level,
  methods: Type.Array(Method),
  entityTypes: Type.Array(Type.String()),
  content: Type.String(),
  randomCheck: Type.Boolean(),
  licensingItemCodes: Type.Array(Type.String()),
  commitmentVerifyDays: Nullable(Type.Integer()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ItemList = Type.Object({ items: Type.Array(ItemView), next: Nullable(Type.String()), total: Type.Integer() });
export const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });
export const ActiveSaved = Type.Object({ id: Type.String(), version: Type.Integer(), active: Type.Boolean() });

export const CoverageView = Type.Object({
  regionCode: Type.String(),
  licensingItems: Type.Integer({ description: '行政许可事项数' }),
  covered: Type.Integer(),
  missing: Type.Integer({ description: '尚无监管事项的行政许可事项数' }),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      departmentId: Type.String(),
      departmentName: Type.String(),
      supervisionItems: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
    }),
  ),
  staleLinks: Type.Array(Type.Object({ itemId: Type.String(), itemCode: Type.String(), licensingItemCode: Type.String() })),
});

/** The published 随机抽查事项清单: what the public needs, nothing internal (no versions, no accounts). */
export const PublicRandomItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  departmentName: Type.String(),
  basis: Type.String(),
  level: Level,
  methods: Type.Array(Type.Object({ code: Method, zh: Type.String(), en: Type.String() })),
  entityTypes: Type.Array(Type.String()),
  content: Type.String(),
});
export const PublicRandomList = Type.Object({ regionCode: Type.String(), items: Type.Array(PublicRandomItem) });
