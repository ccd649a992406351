import { Type } from '@sinclair/typebox';
import { RegionCodeSchema } from '../../../kernel/http/schemas.ts';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';
import { RELATION_KINDS } from './relations.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }));
const After = Type.Optional(Type.String({ maxLength: 200, description: '分页游标 / keyset cursor' }));
/** GB 32100: 18 characters; the check character is verified by the service. */
export const CreditCode = Type.String({ minLength: 18, maxLength: 18, pattern: '^[0-9A-Za-z]{18}$', description: '统一社会信用代码 / unified social credit code' });
const Tag = Type.String({ minLength: 1, maxLength: 30 });
const Tags = Type.Array(Tag, { maxItems: 20, uniqueItems: true });
const State = Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('all')], { description: '在册 / 已注销吊销或已移出 / 全部' });
const Search = Type.String({ minLength: 1, maxLength: 60 });

export const ObjectQuery = Type.Object(
  {
    q: Type.Optional(Search),
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
    regionCode: Type.Optional(RegionCodeSchema),
    industry: Type.Optional(Tag),
    state: Type.Optional(State),
    after: After,
    limit: Limit,
  },
  { additionalProperties: false },
);
export const SearchQuery = Type.Object({ q: Search, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })) }, { additionalProperties: false });
export const CountsQuery = Type.Object({ regionCode: Type.Optional(RegionCodeSchema) }, { additionalProperties: false });
export const CodeParams = Type.Object({ creditCode: CreditCode }, { additionalProperties: false });
export const NewObjectInput = Type.Object(
  {
    creditCode: CreditCode,
    name: Type.String({ minLength: 2, maxLength: 100 }),
    entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    regionCode: RegionCodeSchema,
    industries: Type.Optional(Tags),
  },
  { additionalProperties: false },
);
export const TagInput = Type.Object({ industries: Tags, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const ObjectView = Type.Object({
  id: Type.String(),
  creditCode: Type.String(),
  name: Type.String(),
  entityType: Nullable(Type.String()),
  regionCode: Type.String(),
  industries: Type.Array(Type.String()),
  source: Type.Union([Type.Literal('base'), Type.Literal('approval'), Type.Literal('manual')]),
  status: Nullable(Type.String()),
  active: Type.Boolean({ description: '在抽查范围内（非注销吊销，仍在基础库）/ in scope of plans' }),
  goneAt: Nullable(Type.String({ description: '从法人基础库中消失的时间 / when it left the entity base' })),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export const ObjectPage = Type.Object({ items: Type.Array(ObjectView), next: Nullable(Type.String()) });
const Count = { active: Type.Integer(), total: Type.Integer() };
export const ObjectCounts = Type.Object({
  regionCode: Type.String(),
  total: Type.Integer(),
  active: Type.Integer(),
  byType: Type.Array(Type.Object({ entityType: Nullable(Type.String()), ...Count })),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), name: Nullable(Type.String()), ...Count })),
});
export const SyncRun = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  seen: Type.Integer({ description: '已读取的基础库主体数 / entities read so far' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  closed: Type.Integer({ description: '本次标记为注销/吊销 / marked closed in this run' }),
  gone: Type.Integer({ description: '本次标记为已移出基础库 / marked gone from the base in this run' }),
  failure: Nullable(Type.String()),
  queuedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
export const SyncInput = Type.Object({ regionCode: Type.Optional(RegionCodeSchema) }, { additionalProperties: false });

const Name = Type.String({ minLength: 2, maxLength: 40 });
const CertificateNo = Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9A-Za-z-]+$', description: '执法证号 / law-enforcement certificate number' });
const Specialities = Type.Array(Tag, { maxItems: 20, uniqueItems: true, description: '专业领域 / specialities' });
export const InspectorInput = Type.Object(
  { name: Name, certificateNo: CertificateNo, departmentId: Uuid, accountId: Type.Optional(Nullable(Uuid)), specialities: Type.Optional(Specialities) },
  { additionalProperties: false },
);
export const InspectorPatch = Type.Object(
  {
    name: Type.Optional(Name),
    certificateNo: Type.Optional(CertificateNo),
    departmentId: Type.Optional(Uuid),
    accountId: Type.Optional(Nullable(Uuid)),
    specialities: Type.Optional(Specialities),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const InspectorQuery = Type.Object({ departmentId: Type.Optional(Uuid), q: Type.Optional(Search), state: Type.Optional(State), after: After, limit: Limit }, { additionalProperties: false });
export const InspectorView = Type.Object({
  id: Type.String(),
  accountId: Nullable(Type.String()),
  name: Type.String(),
  certificateNo: Type.String(),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  regionCode: Type.String(),
  specialities: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export const InspectorPage = Type.Object({ items: Type.Array(InspectorView), next: Nullable(Type.String()) });

export const RelationKind = Type.Union(
  RELATION_KINDS.map((k) => Type.Literal(k)),
  { description: '利害关系：kin 亲属 / former_employment 曾任职 / shareholding 持股 / other 其他' },
);
export const RelationInput = Type.Object(
  { inspectorId: Type.Optional(Uuid), creditCode: CreditCode, kind: RelationKind, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const RelationQuery = Type.Object({ inspectorId: Type.Optional(Uuid), creditCode: Type.Optional(CreditCode), includeWithdrawn: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const RelationView = Type.Object({
  id: Type.String(),
  inspectorId: Type.String(),
  inspectorName: Type.String(),
  certificateNo: Type.String(),
  creditCode: Type.String(),
  objectName: Nullable(Type.String()),
  kind: RelationKind,
  note: Nullable(Type.String()),
  declaredBy: Type.String(),
  declaredAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
});

export const PublicInspectorQuery = Type.Object(
  { regionCode: Type.Optional(RegionCodeSchema), departmentId: Type.Optional(Uuid), q: Type.Optional(Search), after: After, limit: Limit },
  { additionalProperties: false },
);
/** The published 执法检查人员名录: exactly these fields, nothing else about a person. */
export const PublicInspector = Type.Object(
  { name: Type.String(), certificateNo: Type.String(), department: Type.String(), departmentEn: Nullable(Type.String()), specialities: Type.Array(Type.String()) },
  { additionalProperties: false },
);
export const PublicInspectorPage = Type.Object({ items: Type.Array(PublicInspector), next: Nullable(Type.String()) });
export const PublicSummaryQuery = Type.Object({ regionCode: Type.Optional(RegionCodeSchema) }, { additionalProperties: false });
export const PublicSummary = Type.Object({
  regionCode: Type.String(),
  active: Type.Integer(),
  byType: Type.Array(Type.Object({ entityType: Nullable(Type.String()), count: Type.Integer() })),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), name: Nullable(Type.String()), count: Type.Integer() })),
});
