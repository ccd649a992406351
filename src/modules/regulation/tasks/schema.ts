import { Type, type TSchema } from '@sinclair/typebox';
import { CONCLUSION_CODES, PENALTY_KIND_CODES } from './conclusions.ts';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD（中国时间 / China time）' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const When = Type.String({ format: 'date-time' });

export const Kind = Type.Union([Type.Literal('random'), Type.Literal('commitment'), Type.Literal('clue'), Type.Literal('key')], {
  description: '任务类型：双随机抽查 / 告知承诺核查 / 投诉线索 / 重点监管',
});
export const Conclusion = Type.Union(
  CONCLUSION_CODES.map((c) => Type.Literal(c)),
  { description: '检查结论（公示系统结论列表）/ conclusion, from the fixed list' },
);
export const PenaltyKindSchema = Type.Union(
  PENALTY_KIND_CODES.map((c) => Type.Literal(c)),
  { description: '处罚种类 / penalty kind' },
);

export const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
    kind: Type.Optional(Kind),
    planId: Type.Optional(Type.String({ maxLength: 64 })),
    overdue: Type.Optional(Type.Boolean()),
    objection: Type.Optional(Type.Literal('pending')),
    after: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const TaskListItem = Type.Object({
  id: Str,
  number: Str,
  kind: Kind,
  state: Str,
  creditCode: Str,
  objectName: Str,
  dueOn: Str,
  overdue: Type.Boolean(),
  publishBy: When,
  conclusion: Nullable(Str),
  inspectedOn: Nullable(Str),
  planId: Nullable(Str),
});
export const TaskList = Type.Object({ items: Type.Array(TaskListItem), next: Nullable(Str), wide: Type.Boolean({ description: '是否可见本地区全部任务 / sees the whole region' }) });

const CorrectionView = Type.Object({ previousConclusion: Str, at: Str });
const ObjectionView = Type.Object({
  id: Str,
  reason: Str,
  filedAt: Str,
  state: Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('corrected')]),
  answer: Nullable(Str),
  previousConclusion: Str,
  correctedConclusion: Nullable(Str),
  answeredAt: Nullable(Str),
});
const PenaltyView = Type.Object({ id: Str, decidedOn: Str, decisionNo: Str, kind: Str, amountYuan: Nullable(Type.Number()), departmentId: Str });

export const TaskDetail = Type.Object({
  id: Str,
  number: Str,
  kind: Kind,
  state: Str,
  creditCode: Str,
  objectName: Str,
  regionCode: Str,
  dueOn: Str,
  overdue: Type.Boolean(),
  publishBy: When,
  recordBy: Nullable(When),
  conclusion: Nullable(Str),
  problem: Nullable(Type.Boolean()),
  inspectedOn: Nullable(Str),
  recordedAt: Nullable(Str),
  publishedAt: Nullable(Str),
  planId: Nullable(Str),
  correction: Nullable(Type.Object({ previousConclusion: Str, at: Str, objectionId: Str })),
  version: Type.Integer(),
  object: Nullable(Type.Object({ name: Str, entityType: Nullable(Str), status: Nullable(Str), industries: Type.Array(Str) })),
  items: Type.Array(Type.Object({ id: Str, code: Str, name: Str, level: Str })),
  departments: Type.Array(Type.Object({ id: Str, name: Str })),
  inspectors: Type.Array(Type.Object({ id: Str, name: Nullable(Str), me: Type.Boolean() })),
  source: Nullable(Type.Object({ kind: Str, ref: Nullable(Str), label: Nullable(Str) })),
  photos: Type.Array(Type.Object({ id: Str, name: Str, mime: Str, sizeBytes: Type.Integer() })),
  findings: Nullable(Str),
  objection: Nullable(ObjectionView),
  penalties: Type.Array(PenaltyView),
  canRecord: Type.Boolean(),
});

export const ResultInput = Type.Object(
  {
    inspectedOn: Day,
    findings: Type.Optional(Type.String({ maxLength: 2000, description: '检查情况 / what was found' })),
    conclusion: Conclusion,
    photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 9, uniqueItems: true, description: '现场照片（先上传到 /api/files）/ photos uploaded first to /api/files' })),
  },
  { additionalProperties: false },
);
export const ResultRecorded = Type.Object({ id: Str, state: Str, conclusion: Str, problem: Type.Boolean(), publishedAt: When });

export const InspectorsInput = Type.Object(
  { inspectorIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 2, maxItems: 10, uniqueItems: true }) },
  { additionalProperties: false },
);

export const PublicQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: '企业名称或统一社会信用代码 / name or credit code' })),
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    after: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
const PublicResult = Type.Object({
  id: Str,
  number: Str,
  kind: Kind,
  objectName: Str,
  creditCode: Str,
  items: Type.Array(Str),
  departments: Type.Array(Str),
  inspectedOn: Str,
  conclusion: Str,
  publishedAt: Str,
  correction: Nullable(CorrectionView),
});
export const PublicResults = Type.Object({ items: Type.Array(PublicResult), next: Nullable(Str) });

export const MineResults = Type.Object({
  creditCode: Str,
  name: Str,
  items: Type.Array(
    Type.Object({
      id: Str,
      number: Str,
      kind: Kind,
      objectName: Str,
      items: Type.Array(Str),
      departments: Type.Array(Str),
      inspectedOn: Str,
      conclusion: Str,
      findings: Nullable(Str),
      publishedAt: Str,
      correction: Nullable(CorrectionView),
      objection: Nullable(ObjectionView),
      objectBy: Str,
      canObject: Type.Boolean(),
    }),
  ),
  penalties: Type.Array(PenaltyView),
});

export const ObjectionInput = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 1000, description: '异议理由 / why the result is wrong' }) }, { additionalProperties: false });
export const ObjectionFiled = Type.Object({ id: Str, state: Str, filedAt: Str });

export const AnswerInput = Type.Object(
  {
    decision: Type.Union([Type.Literal('upheld'), Type.Literal('corrected')], { description: '维持 / 更正' }),
    conclusion: Type.Optional(Conclusion),
    answer: Type.String({ minLength: 2, maxLength: 1000, description: '答复意见 / the answer' }),
  },
  { additionalProperties: false },
);
export const Answered = Type.Object({ taskId: Str, decision: Str, conclusion: Str });

export const PenaltyInput = Type.Object(
  {
    decisionNo: Type.String({ minLength: 3, maxLength: 60, description: '处罚决定书文号 / decision number' }),
    kind: PenaltyKindSchema,
    amountYuan: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1e10, description: '金额（元）/ amount, yuan' }))),
    decidedOn: Day,
    departmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const PenaltyRecorded = Type.Object({ id: Str, decisionNo: Str, kind: Str, amountYuan: Nullable(Type.Number()), decidedOn: Str, departmentId: Str });

export const FiguresQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
const Count = Type.Integer();
export const Figures = Type.Object({
  inspectedObjects: Count,
  tasks: Type.Object({ total: Count, byKind: Type.Object({ random: Count, commitment: Count, clue: Count, key: Count }), open: Count, overdue: Count }),
  results: Type.Object({ recorded: Count, problemsFound: Count, filedForPenalty: Count, publishedLate: Count, unpublishedPastDeadline: Count }),
  penalties: Type.Object({ count: Count, amountYuan: Type.Number() }),
  commitments: Type.Object({ onTime: Count, late: Count, open: Count, overdue: Count }),
  months: Type.Array(Type.Object({ month: Count, created: Count, recorded: Count })),
});
