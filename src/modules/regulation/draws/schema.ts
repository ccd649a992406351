import { Type } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Region = Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12, description: 'GB/T 2260 code (prefix)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Tag = Type.String({ minLength: 1, maxLength: 40 });

const Rate = Type.Object(
  {
    percent: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01, description: '抽查比例（%）/ draw rate in per cent' }),
    min: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: '最少抽取户数 / minimum count' })),
  },
  { additionalProperties: false },
);
export const Rates = Type.Object({ A: Rate, B: Rate, C: Rate, D: Rate }, { additionalProperties: false, description: '按信用风险分类的抽查比例 / rate per credit class' });
const RatesOut = Type.Object({
  A: Type.Object({ percent: Type.Number(), min: Type.Integer() }),
  B: Type.Object({ percent: Type.Number(), min: Type.Integer() }),
  C: Type.Object({ percent: Type.Number(), min: Type.Integer() }),
  D: Type.Object({ percent: Type.Number(), min: Type.Integer() }),
});
const BpRates = Type.Record(Type.String(), Type.Object({ bp: Type.Integer(), min: Type.Integer() }), { description: 'bp: 万分比（1% = 100）/ basis points' });

export const Scope = Type.Object(
  {
    regionCodes: Type.Array(Region, { minItems: 1, maxItems: 50, description: '抽查对象所在地区 / regions' }),
    entityTypes: Type.Optional(Type.Array(Tag, { maxItems: 20, description: '市场主体类型 / entity types' })),
    industries: Type.Optional(Type.Array(Tag, { maxItems: 20, description: '行业领域 / industries' })),
  },
  { additionalProperties: false },
);

export const PlanInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    batch: Type.Integer({ minimum: 1, maximum: 99, description: '批次 / batch' }),
    checkType: Type.Union([Type.Literal('directed'), Type.Literal('undirected')], { description: '定向 / 不定向' }),
    itemIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, description: '抽查事项（随机抽查事项清单）/ supervision items' }),
    scope: Scope,
    startsOn: Day,
    endsOn: Day,
    leadDepartmentId: Uuid,
    jointDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, description: '部门联合 / joint departments' })),
    rates: Rates,
    inspectorsPerObject: Type.Integer({ minimum: 2, maximum: 10, description: '每户检查人员数（≥2）/ inspectors per object' }),
  },
  { additionalProperties: false },
);

export const CommitInputSchema = Type.Object(
  {
    seedSources: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 4, maxLength: 200, description: '如：中国福利彩票双色球第2026138期开奖号码 / e.g. a named lottery draw' }),
          count: Type.Integer({ minimum: 1, maximum: 20, description: '号码个数 / how many numbers' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5 },
    ),
    seedAvailableAt: Type.String({ format: 'date-time', maxLength: 40, description: '号码公布之后的时间（须晚于现在）/ when the values are known (future)' }),
  },
  { additionalProperties: false },
);

export const DrawInputSchema = Type.Object(
  {
    values: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 999_999_999 }), { minItems: 1, maxItems: 20 }), {
      minItems: 1,
      maxItems: 5,
      description: '各来源公布的号码，按声明顺序 / the published numbers of each source, in declared order',
    }),
  },
  { additionalProperties: false },
);

export const CancelInputSchema = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('committed'), Type.Literal('drawn'), Type.Literal('cancelled')])),
  },
  { additionalProperties: false },
);
export const PublicListQuery = Type.Object(
  { after: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), regionCode: Type.Optional(Region) },
  { additionalProperties: false },
);

const Dept = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });
const SeedSources = Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() }));
const CommittedPlan = Type.Object({
  number: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  batch: Type.Integer(),
  checkType: Type.String(),
  itemIds: Type.Array(Type.String()),
  scope: Type.Object({ regionCodes: Type.Array(Type.String()), entityTypes: Type.Optional(Type.Array(Type.String())), industries: Type.Optional(Type.Array(Type.String())) }),
  startsOn: Type.String(),
  endsOn: Type.String(),
  leadDepartmentId: Type.String(),
  jointDepartmentIds: Type.Array(Type.String()),
  rates: BpRates,
  inspectorsPerObject: Type.Integer(),
});

export const PlanView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  batch: Type.Integer(),
  checkType: Type.String(),
  itemIds: Type.Array(Type.String()),
  scope: CommittedPlan.properties.scope,
  startsOn: Type.String(),
  endsOn: Type.String(),
  leadDepartmentId: Type.String(),
  jointDepartmentIds: Type.Array(Type.String()),
  rates: RatesOut,
  inspectorsPerObject: Type.Integer(),
  lead: Dept,
  joint: Type.Array(Dept),
  state: Type.String(),
  seedSources: Nullable(SeedSources),
  seedAvailableAt: Nullable(Type.String()),
  candidatesCount: Nullable(Type.Integer()),
  commitmentDigest: Nullable(Type.String()),
  createdAt: Type.String(),
  committedAt: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
});
export const PlanDetail = Type.Composite([PlanView, Type.Object({ tasks: Nullable(Type.Integer()), key: Nullable(Type.String()), resultDigest: Nullable(Type.String()) })]);

export const CommitAnswer = Type.Object({
  state: Type.String(),
  candidates: Type.Integer(),
  inspectors: Type.Integer(),
  avoidancePairs: Type.Integer(),
  commitmentDigest: Type.String(),
  shortOfInspectors: Type.Integer({ description: '若被抽中，回避后检查人员不足的对象数 / candidates that would lack eligible inspectors if drawn' }),
});
export const DrawAnswer = Type.Object({ state: Type.String(), key: Type.String(), resultDigest: Type.String(), objects: Type.Integer(), tasks: Type.Integer() });

const Step = { i: Type.Integer(), digest: Type.String(), remaining: Type.Integer(), index: Type.Integer() };
export const DrawResultSchema = Type.Object({
  strata: Type.Array(Type.Object({ label: Type.String(), n: Type.Integer(), quota: Type.Integer(), steps: Type.Array(Type.Object({ ...Step, creditCode: Type.String() })) })),
  objects: Type.Array(
    Type.Object({
      creditCode: Type.String(),
      class: Type.String(),
      eligible: Type.Integer(),
      inspectors: Type.Array(Type.Object({ ...Step, id: Type.String(), departmentId: Type.String(), slotDepartmentId: Nullable(Type.String()) })),
    }),
  ),
});

export const PublicListItem = Type.Object({
  id: Type.String(),
  number: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  batch: Type.Integer(),
  checkType: Type.String(),
  state: Type.String(),
  lead: Dept,
  joint: Type.Array(Dept),
  candidatesCount: Nullable(Type.Integer()),
  committedAt: Nullable(Type.String()),
  seedAvailableAt: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
});

export const PublicDraw = Type.Object({
  id: Type.String(),
  state: Type.String(),
  plan: CommittedPlan,
  lead: Dept,
  joint: Type.Array(Dept),
  items: Type.Array(Type.Object({ id: Type.String(), code: Nullable(Type.String()), name: Nullable(Type.String()) })),
  committedAt: Type.String(),
  seedSources: SeedSources,
  seedAvailableAt: Type.String(),
  digests: Type.Object({ candidates: Type.String(), inspectors: Type.String(), avoidance: Type.String(), commitment: Type.String() }),
  candidates: Type.Array(Type.Object({ creditCode: Type.String(), class: Type.String(), name: Type.String() })),
  inspectors: Type.Array(Type.Object({ id: Type.String(), certificateNo: Type.String(), departmentId: Type.String(), name: Type.String() })),
  avoidance: Type.Array(Type.Object({ creditCode: Type.String(), inspectorId: Type.String(), reason: Type.String() })),
  draw: Nullable(
    Type.Object({
      values: Type.Array(Type.Array(Type.Integer())),
      key: Type.String(),
      drawnAt: Type.String(),
      resultDigest: Type.String(),
      tasks: Type.Integer(),
      result: DrawResultSchema,
    }),
  ),
});

const Part = Type.Object({
  committed: Nullable(Type.String()),
  recomputed: Nullable(Type.String()),
  match: Type.Boolean(),
  problem: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
});
export const CheckAnswer = Type.Object({
  id: Type.String(),
  state: Type.String(),
  match: Type.Boolean(),
  parts: Type.Record(Type.String(), Part, { description: 'candidates, inspectors, avoidance, commitment; after the draw also key, result, published' }),
});
