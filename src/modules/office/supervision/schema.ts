import { Type } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（中国时间 / China time）' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SourceKind = Type.Union([Type.Literal('instruction'), Type.Literal('meeting'), Type.Literal('document'), Type.Literal('key_work'), Type.Literal('disclosure')], {
  description: '来源：领导批示 / 会议决定 / 公文 / 年度重点工作 / 依申请公开逾期',
});
export const LightSchema = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);

export const Source = Type.Object({ kind: SourceKind, ref: Type.Optional(Type.String({ maxLength: 100 })), label: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
export const MilestoneSchema = Type.Object({ date: Day, progress: Type.Integer({ minimum: 1, maximum: 100 }), label: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
const AssignFields = {
  leadDepartmentId: Uuid,
  helperDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  dueDate: Day,
  milestones: Type.Optional(Type.Array(MilestoneSchema, { maxItems: 12 })),
};
export const AssignInput = Type.Object({ ...AssignFields, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
const Title = Type.String({ minLength: 2, maxLength: 200 });
const Detail = Type.String({ maxLength: 4000 });
export const TaskInputSchema = Type.Object(
  { title: Title, detail: Type.Optional(Detail), source: Source, assign: Type.Optional(Type.Object(AssignFields, { additionalProperties: false })) },
  { additionalProperties: false },
);
export const KeyWorkListSchema = Type.Object(
  {
    ref: Type.String({ minLength: 1, maxLength: 100, description: '清单文号或名称 / the list reference' }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    rows: Type.Array(Type.Object({ title: Title, detail: Type.Optional(Detail), ...AssignFields }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
const Evidence = Type.Array(Uuid, { maxItems: 20, description: '佐证材料（文件库中的文件）/ evidence file ids' });
const Version = Type.Optional(Type.Integer({ minimum: 1 }));
export const FeedbackInput = Type.Object(
  { progress: Type.Integer({ minimum: 0, maximum: 100 }), text: Type.String({ minLength: 1, maxLength: 4000 }), evidence: Type.Optional(Evidence), expectedVersion: Version },
  { additionalProperties: false },
);
export const ReportInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }), evidence: Type.Optional(Evidence), expectedVersion: Version }, { additionalProperties: false });
export const ReviewInput = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
    opinion: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: '退回时必填 / required to return' })),
    expectedVersion: Version,
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object(
  { unit: Type.Optional(Uuid), source: Type.Optional(SourceKind), light: Type.Optional(LightSchema), state: Type.Optional(Type.String({ pattern: '^[a-z_]{1,20}$' })) },
  { additionalProperties: false },
);

export const TaskView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  state: Type.String(),
  source: Type.Object({ kind: SourceKind, ref: Nullable(Type.String()), label: Nullable(Type.String()) }),
  leadDepartmentId: Nullable(Type.String()),
  leadUnit: Nullable(Type.String()),
  helperUnits: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  dueDate: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  progress: Type.Integer(),
  light: Nullable(LightSchema),
  workingDaysLeft: Nullable(Type.Integer()),
  returned: Type.Integer(),
  remindLevel: Type.Integer({ description: '0 未催办, 1 已催办（黄）, 2 已升级（红）' }),
  doneAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const TaskDetail = Type.Composite([
  TaskView,
  Type.Object({
    detail: Nullable(Type.String()),
    version: Type.Integer(),
    milestones: Type.Array(MilestoneSchema),
    actions: Type.Array(Type.String()),
    timeline: Type.Array(
      Type.Object({
        at: Type.String(),
        action: Type.String(),
        from: Nullable(Type.String()),
        to: Type.String(),
        actor: Type.String(),
        departmentId: Nullable(Type.String()),
        opinion: Nullable(Type.String()),
        evidence: Type.Array(Type.String()),
        progress: Nullable(Type.Integer()),
      }),
    ),
  }),
]);
export const UnitFigures = Type.Object({
  departmentId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  tasks: Type.Integer(),
  onTime: Type.Integer(),
  overdue: Type.Integer(),
  returned: Type.Integer(),
  done: Type.Integer(),
});
