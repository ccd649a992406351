import { Type } from '@sinclair/typebox';
import { CreditSettingsSchema } from './settings.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Klass = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')], { description: 'A 低 / B 一般 / C 较高 / D 高' });
export const Region = Type.String({ pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 行政区划代码' });
/** 统一社会信用代码 (GB 32100): 18 characters, no I, O, S, V, Z. */
export const CreditCode = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码' });

export const Reason = Type.Object({ indicator: Type.String(), zh: Type.String(), en: Type.String(), points: Type.Integer() });
const ClassOf = {
  creditCode: Type.String(),
  class: Klass,
  score: Type.Integer(),
  reasons: Type.Array(Reason),
  computedAt: Type.String(),
  cause: Type.String(),
};
export const EntityCredit = Type.Object({
  creditCode: Type.String(),
  current: Nullable(Type.Object({ ...ClassOf, regionCode: Type.String(), entityType: Nullable(Type.String()) })),
  history: Type.Array(Type.Object({ ...ClassOf, previousClass: Nullable(Klass), previousScore: Nullable(Type.Integer()) })),
});
export const EntityParams = Type.Object({ creditCode: CreditCode }, { additionalProperties: false });

const Counts = Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer(), D: Type.Integer() });
export const DistributionQuery = Type.Object(
  { regionCode: Type.Optional(Region), by: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('entityType')])) },
  { additionalProperties: false },
);
export const Distribution = Type.Object({
  regionCode: Type.String(),
  total: Counts,
  groups: Type.Array(Type.Object({ key: Nullable(Type.String()), counts: Counts })),
});

export const RegionQuery = Type.Object({ regionCode: Type.Optional(Region) }, { additionalProperties: false });
export const IndicatorsView = Type.Object({
  regionCode: Type.String(),
  value: CreditSettingsSchema,
  /** The region's own saved version (null: it inherits). */
  version: Nullable(Type.Integer()),
  savedAt: Nullable(Type.String()),
  facts: Type.Array(Type.Object({ name: Type.String(), kind: Type.Union([Type.Literal('flag'), Type.Literal('number')]) })),
});
export const IndicatorsInput = Type.Object(
  {
    regionCode: Type.Optional(Region),
    value: CreditSettingsSchema,
    reason: Type.String({ minLength: 2, maxLength: 500, description: '修改理由 / why' }),
  },
  { additionalProperties: false },
);

export const RunInput = Type.Object({ regionCode: Type.Optional(Region) }, { additionalProperties: false });
export const RunParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const Run = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  kind: Type.Union([Type.Literal('manual'), Type.Literal('monthly')]),
  month: Nullable(Type.String()),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  progress: Type.Object({ done: Type.Integer(), total: Nullable(Type.Integer()) }),
  changed: Type.Integer(),
  counts: Nullable(Counts),
  failure: Nullable(Type.String()),
  queuedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
