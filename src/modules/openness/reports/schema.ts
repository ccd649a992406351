import { Type } from '@sinclair/typebox';

/* The shapes of 年度报告's HTTP API. */

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
/** A count in a report: a whole number, not negative. */
const Count = Type.Integer({ minimum: 0, maximum: 100_000_000, description: '件数（非负整数）/ a count, a whole number ≥ 0' });
const Yuan = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: '金额（元，整数）/ an amount in whole yuan' });
const Text = (max: number, description: string) => Type.String({ maxLength: max, description });

export const YearParam = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2999, description: '年度 / the year' }) }, { additionalProperties: false });
export const PageQuery = Type.Object({ after: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false });
export const EditionQuery = Type.Object(
  { edition: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '版次（更正前的版本）/ an earlier edition' })) },
  { additionalProperties: false },
);
export const CsvQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: '表头语言 / language of the labels' })) },
  { additionalProperties: false },
);
export const OverviewQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2008, maximum: 2999 })) }, { additionalProperties: false });

const ReviewOutcomes = Type.Object({ upheld: Count, corrected: Count, other: Count, pending: Count }, { additionalProperties: false });
const ReviewOutcomesInput = Type.Object(
  {
    upheld: Count,
    corrected: Count,
    other: Count,
    pending: Count,
    total: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: '总计（可选；给出时须等于四项之和）/ optional; must equal the sum' })),
  },
  { additionalProperties: false },
);
const ActiveEntered = Type.Object({ permits: Count, penalties: Count, enforcement: Count, feesYuan: Yuan }, { additionalProperties: false });
const ProcessingFees = Type.Object({ notices: Count, collectedYuan: Yuan }, { additionalProperties: false });

export const EnteredFigures = Type.Object({
  active: ActiveEntered,
  reconsideration: ReviewOutcomes,
  litigationDirect: ReviewOutcomes,
  litigationAfterReconsideration: ReviewOutcomes,
  processingFees: ProcessingFees,
});
const Texts = Type.Object({ overview: Type.String(), problems: Type.String(), other: Type.String() });

const Column = Type.Object({ key: Type.String(), label: Label, group: Type.Union([Label, Type.Null()]) });
const Row = Type.Object({ key: Type.String(), no: Type.String(), label: Label, level: Type.Integer(), cells: Type.Union([Type.Array(Type.Number()), Type.Null()]) });
const Table = Type.Object({ key: Type.String(), caption: Label, rowHeader: Label, columns: Type.Array(Column), rows: Type.Array(Row), note: Type.Union([Label, Type.Null()]) });
const Check = Type.Object({
  code: Type.Union([Type.Literal('total_column'), Type.Literal('reasons_sum'), Type.Literal('answered_total'), Type.Literal('carry_over')]),
  row: Type.String(),
  column: Type.String(),
  expected: Type.Integer(),
  actual: Type.Integer(),
  zh: Type.String(),
  en: Type.String(),
});
const State = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('superseded')]);

export const ReportView = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  edition: Type.Integer(),
  state: State,
  title: Label,
  computedAt: Type.String({ format: 'date-time' }),
  generatedBy: Type.String(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  texts: Texts,
  entered: EnteredFigures,
  tables: Type.Array(Table),
  checks: Type.Array(Check),
  explanation: Type.Union([Type.String(), Type.Null()]),
  correctionReason: Type.Union([Type.String(), Type.Null()]),
  editions: Type.Array(Type.Object({ edition: Type.Integer(), state: State, publishedAt: Type.Union([Type.String(), Type.Null()]), correctionReason: Type.Union([Type.String(), Type.Null()]) })),
  actions: Type.Optional(
    Type.Array(
      Type.Object({
        action: Type.Union(['generated', 'regenerated', 'edited', 'published', 'corrected', 'superseded'].map((a) => Type.Literal(a))),
        actorName: Type.String(),
        note: Type.Union([Type.String(), Type.Null()]),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  ),
  version: Type.Integer(),
});

export const ReportPage = Type.Object({
  items: Type.Array(
    Type.Object({
      year: Type.Integer(),
      edition: Type.Integer(),
      state: State,
      title: Label,
      publishedAt: Type.Union([Type.String(), Type.Null()]),
      updatedAt: Type.String(),
      checks: Type.Integer({ description: '未通过的勾稽检查数 / identities the figures break' }),
    }),
  ),
  next: Type.Union([Type.String(), Type.Null()]),
});

export const GenerateInput = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2999, description: '年度 / the year' }) }, { additionalProperties: false });
export const VersionInput = Type.Object({ expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: '读取时的版本号 / the version read' }) }, { additionalProperties: false });
export const EditInput = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    entered: Type.Optional(
      Type.Object(
        {
          active: Type.Optional(ActiveEntered),
          reconsideration: Type.Optional(ReviewOutcomesInput),
          litigationDirect: Type.Optional(ReviewOutcomesInput),
          litigationAfterReconsideration: Type.Optional(ReviewOutcomesInput),
          processingFees: Type.Optional(ProcessingFees),
        },
        { additionalProperties: false },
      ),
    ),
    texts: Type.Optional(
      Type.Object(
        {
          overview: Type.Optional(Text(20_000, '一、总体情况')),
          problems: Type.Optional(Text(20_000, '五、存在的主要问题及改进情况')),
          other: Type.Optional(Text(20_000, '六、其他需要报告的事项')),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const PublishInput = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    explanation: Type.Optional(Text(20_000, '差异说明：数字不符合勾稽关系时必填 / why figures that break the identities are published')),
  },
  { additionalProperties: false },
);
export const CorrectInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, description: '更正原因 / why the report is corrected' }) }, { additionalProperties: false });

export const OverviewView = Type.Object({
  year: Type.Integer(),
  asOf: Type.String({ format: 'date-time' }),
  received: Type.Integer(),
  carriedIn: Type.Integer(),
  answered: Type.Integer(),
  answeredOnTime: Type.Union([Type.Integer(), Type.Null()]),
  answeredLate: Type.Union([Type.Integer(), Type.Null()]),
  open: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Union([Type.Integer(), Type.Null()]),
  outcomes: Type.Array(Type.Object({ key: Type.String(), label: Label, count: Type.Integer() })),
  published: Type.Integer(),
  report: Type.Union([Type.Object({ edition: Type.Integer(), state: State, version: Type.Integer() }), Type.Null()]),
});
