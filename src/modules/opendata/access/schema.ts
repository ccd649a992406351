import { Type } from '@sinclair/typebox';
import { JsonValue } from '../../../kernel/http/schemas.ts';

export const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, description: '数据集名称 / dataset name (e.g. xy-credit)' }) }, { additionalProperties: false });
export const KeyIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const KeyInput = Type.Object({ name: Type.String({ minLength: 1, maxLength: 60, description: '密钥名称（用途）/ a name for the key' }) }, { additionalProperties: false });

export const KeyView = Type.Object({
  id: Type.String(),
  prefix: Type.String({ description: '公开的密钥前缀 / the public prefix of the key' }),
  name: Type.String(),
  holderName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  calls: Type.Integer(),
  ratePerMinute: Type.Integer(),
});
export const NewKey = Type.Intersect([KeyView, Type.Object({ key: Type.String({ description: '完整密钥，仅此一次显示 / the whole key, shown only this once' }) })]);

const Cell = JsonValue;
const Row = Type.Record(Type.String(), Cell);
const ItemBrief = Type.Object({ code: Type.String(), name: Type.String(), dataType: Type.String() });

export const PreviewAnswer = Type.Object({
  dataset: Type.String(),
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), dataType: Type.String(), description: Type.String() })),
  rows: Type.Array(Row),
  total: Type.Integer({ description: '总行数 / rows in the dataset' }),
  numeric: Type.Array(
    Type.Object({
      item: Type.String(),
      count: Type.Integer(),
      min: Type.Union([Type.Number(), Type.Null()]),
      max: Type.Union([Type.Number(), Type.Null()]),
      avg: Type.Union([Type.Number(), Type.Null()]),
      bins: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() })),
    }),
  ),
});

export const RowsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '每页行数（≤1000，默认100）/ rows per page (≤ 1000, default 100)' })),
    after: Type.Optional(Type.String({ maxLength: 600, description: '上一页的 next / the previous page’s next' })),
  },
  { additionalProperties: Type.String({ maxLength: 200, description: '按开放数据项筛选（等于）/ filter on a published item (equals)' }) },
);

export const RowsAnswer = Type.Object({ dataset: Type.String(), items: Type.Array(ItemBrief), rows: Type.Array(Row), next: Type.Union([Type.String(), Type.Null()]) });

export const ApiDatasets = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.String(),
      titleEn: Type.String(),
      departmentName: Type.String(),
      departmentNameEn: Type.String(),
      theme: Type.String(),
      frequency: Type.String(),
      modifiedAt: Type.String(),
      rowCount: Type.Union([Type.Integer(), Type.Null()]),
      items: Type.Array(ItemBrief),
      rowsUrl: Type.String(),
    }),
  ),
});

export const ApiKeyHeader = Type.Object({ 'x-api-key': Type.Optional(Type.String({ maxLength: 200, description: '接口密钥 / your API key' })) });
