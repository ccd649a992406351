import { Type, type Static } from '@sinclair/typebox';
import { JsonObject, JsonValue } from '../../kernel/http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SUBJECTS = ['person', 'entity'] as const;
export const MODES = ['automatic', 'application'] as const;
export const PERIODS = ['monthly', 'once'] as const;

const FactValue = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null()]);

export const RuleTestSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    // Free JSON (checked in code against the declared facts): the app's Ajv coerces scalars, and `true` must stay a boolean.
    facts: Type.Unsafe<Record<string, string | number | boolean | null>>(JsonObject),
    eligible: Type.Boolean(),
    amountFen: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  },
  { additionalProperties: false },
);

const AmountTier = Type.Object(
  {
    when: Type.Optional(JsonValue),
    fen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12 })),
    percentOf: Type.Optional(Type.Object({ fact: Type.String({ maxLength: 60 }), percent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) }, { additionalProperties: false })),
    capFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12 })),
    label: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export const AmountSchema = Type.Object({ tiers: Type.Array(AmountTier, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });

/** A policy as its owner writes it (one version of it). Amounts and thresholds are configuration here, never code. */
export const PolicyInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{1,39}$', description: '政策代码 / policy code' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    mode: Type.Union(
      MODES.map((m) => Type.Literal(m)),
      { description: 'automatic 免申即享 / application 政策找人' },
    ),
    subject: Type.Union(SUBJECTS.map((m) => Type.Literal(m))),
    departmentId: Type.String({ format: 'uuid' }),
    rule: JsonValue,
    amount: Nullable(AmountSchema),
    period: Type.Union(PERIODS.map((m) => Type.Literal(m))),
    tests: Type.Array(RuleTestSchema, { maxItems: 100 }),
    payoutZh: Type.String({ minLength: 1, maxLength: 500, description: '兑现方式' }),
    payoutEn: Type.String({ minLength: 1, maxLength: 500 }),
    timeLimitDays: Type.Integer({ minimum: 1, maximum: 365, description: '兑现时限（工作日）' }),
    itemCode: Type.Optional(Nullable(Type.String({ maxLength: 40, description: '申请办理的事项（政策找人）' }))),
    dependsOn: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    basisZh: Type.Optional(Type.String({ maxLength: 500, description: '政策依据' })),
  },
  { additionalProperties: false },
);
export type PolicyDefinition = Static<typeof PolicyInput>;

export const ConditionTraceSchema = Type.Object({
  path: Type.String(),
  fact: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  source: Type.Object({ resource: Type.String(), item: Type.String(), zh: Type.String(), en: Type.String() }),
  test: Type.String(),
  actual: FactValue,
  held: Type.Union([Type.Boolean(), Type.Literal('unknown')]),
});

export const StopReasonSchema = Type.Object({
  kind: Type.Union([Type.Literal('conditions'), Type.Literal('not_in_base'), Type.Literal('unknown')]),
  conditions: Type.Array(ConditionTraceSchema),
});
export type StopReason = Static<typeof StopReasonSchema>;

export const PolicyView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  mode: Type.String(),
  subject: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('published_with_draft')]),
  publishedVersion: Nullable(Type.Integer()),
  draftVersion: Nullable(Type.Integer()),
  definition: PolicyInput,
  conditionsZh: Type.String(),
  conditionsEn: Type.String(),
  updatedAt: Type.String(),
});

export const PolicyCard = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  mode: Type.String(),
  subject: Type.String(),
  departmentName: Type.String(),
  conditionsZh: Type.String({ description: '申报条件' }),
  conditionsEn: Type.String(),
  payoutZh: Type.String({ description: '兑现方式' }),
  payoutEn: Type.String(),
  timeLimitDays: Type.Integer({ description: '兑现时限' }),
  amountZh: Nullable(Type.String()),
  amountEn: Nullable(Type.String()),
  period: Type.String(),
  itemCode: Nullable(Type.String()),
  basisZh: Nullable(Type.String()),
});

export const TestResultView = Type.Object({
  name: Type.String(),
  passed: Type.Boolean(),
  eligible: Type.Union([Type.Boolean(), Type.Literal('unknown')]),
  amountFen: Nullable(Type.Number()),
  problem: Type.Optional(Type.String()),
});

export const RunView = Type.Object({
  id: Type.String(),
  policyId: Type.String(),
  version: Type.Integer(),
  trigger: Type.String(),
  asOf: Type.String(),
  startedAt: Type.String(),
  durationMs: Type.Integer(),
  population: Type.Integer(),
  matched: Type.Integer(),
  newlyEligible: Type.Integer(),
  stopped: Type.Integer(),
  notified: Type.Integer(),
});

const SubjectLine = Type.Object({ benefitId: Type.String(), name: Type.String(), idMasked: Type.String(), amountFen: Nullable(Type.Number()), state: Type.String() });

export const RunDetail = Type.Composite([
  RunView,
  Type.Object({
    /** Where the benefits of this policy stand now. */
    declined: Type.Integer(),
    confirmed: Type.Integer(),
    paid: Type.Integer(),
    offered: Type.Integer(),
    newlyEligibleList: Type.Array(SubjectLine),
    stoppedList: Type.Array(Type.Composite([SubjectLine, Type.Object({ reason: StopReasonSchema })])),
  }),
]);

export const Reach = Type.Object({ policyId: Type.String(), matched: Type.Integer(), notified: Type.Integer(), applied: Type.Integer(), granted: Type.Integer() });

export const CheckInput = Type.Object(
  {
    policyId: Type.String({ format: 'uuid' }),
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
    creditCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' })),
  },
  { additionalProperties: false },
);
export const CheckResult = Type.Object({
  result: Type.Union([Type.Literal('eligible'), Type.Literal('not_eligible'), Type.Literal('unknown'), Type.Literal('not_found')]),
  name: Nullable(Type.String()),
  idMasked: Nullable(Type.String()),
  conditions: Type.Array(ConditionTraceSchema),
  amountFen: Nullable(Type.Number()),
  version: Type.Integer(),
});

export const MyBenefit = Type.Object({
  id: Type.String(),
  policy: PolicyCard,
  state: Type.String(),
  amountFen: Nullable(Type.Number()),
  period: Type.String(),
  paysMoney: Type.Boolean(),
  accountMasked: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  stopReason: Nullable(StopReasonSchema),
  conditions: Type.Array(ConditionTraceSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  payments: Type.Array(Type.Object({ period: Type.String(), amountFen: Type.Number() })),
});

export const ConfirmInput = Type.Object(
  {
    account: Type.Optional(
      Type.Object(
        {
          bank: Type.String({ minLength: 2, maxLength: 60 }),
          number: Type.String({ pattern: '^[0-9]{12,30}$' }),
          holder: Type.String({ minLength: 1, maxLength: 60 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ConfirmInput = Static<typeof ConfirmInput>;
export const DeclineInput = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const MyMatch = Type.Object({
  id: Type.String(),
  policy: PolicyCard,
  state: Type.String(),
  reasons: Type.Array(ConditionTraceSchema),
  itemCode: Nullable(Type.String()),
  applyLink: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const PaymentInput = Type.Object({ period: Type.String({ pattern: '^[12][0-9]{3}(-(0[1-9]|1[0-2]))?$', description: 'YYYY-MM (monthly) or YYYY (once)' }) }, { additionalProperties: false });
export const PaymentView = Type.Object({ id: Type.String(), policyId: Type.String(), period: Type.String(), benefits: Type.Integer(), totalFen: Type.Number(), recordedAt: Type.String() });

export const FactView = Type.Object({
  code: Type.String(),
  subject: Type.String(),
  type: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  unit: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
  values: Type.Optional(Type.Array(Type.String())),
  source: Type.Object({ resource: Type.String(), item: Type.String(), zh: Type.String(), en: Type.String() }),
});
