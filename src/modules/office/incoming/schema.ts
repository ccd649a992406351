import { Type, type Static } from '@sinclair/typebox';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

export const States = ['received', 'signed', 'registered', 'reviewed', 'suggested', 'instructed', 'handling', 'completed', 'returned'] as const;
export const StateSchema = Type.Union(States.map((s) => Type.Literal(s)));
export const Urgency = Type.Union([Type.Literal('特急'), Type.Literal('加急')]);
export const Secrecy = Type.Union([Type.Literal('秘密'), Type.Literal('机密'), Type.Literal('绝密')]);

/** 手工登记: a paper or outside document a clerk registers in their unit's 收文. */
export const RegisterInput = Type.Object(
  {
    senderName: Text(60),
    docNumber: Type.Optional(Text(60)),
    title: Text(200),
    docType: Type.Optional(Text(20)),
    fileId: Type.Optional(Uuid),
    urgency: Type.Optional(Urgency),
    secrecy: Type.Optional(Secrecy),
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof RegisterInput>;

const Version = { expectedVersion: Type.Optional(Type.Integer({ minimum: 1, description: '页面显示时的版本；他人已处理则拒绝 / the version shown; refused if someone acted since' })) };

export const StepInput = Type.Union([
  Type.Object({ action: Type.Union([Type.Literal('sign'), Type.Literal('register')]), ...Version }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('pass'), opinion: Type.Optional(Text(500)), ...Version }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('return'), reason: Text(500), ...Version }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('suggest'), suggestion: Text(1000), ...Version }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('instruct'),
      instruction: Text(1000),
      leadDepartmentId: Uuid,
      helperDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
      limitDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: '办理时限（工作日）/ time limit in working days' })),
      dueDate: Type.Optional(Type.String({ format: 'date', description: '到期日期，须为工作日 / due date, a working day' })),
      supervise: Type.Optional(Type.Boolean({ description: '列入督办 / put under supervision' })),
      ...Version,
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('undertake'), opinion: Type.Optional(Text(1000)), ...Version }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('complete'), summary: Text(2000), ...Version }, { additionalProperties: false }),
]);
export type StepInputBody = Static<typeof StepInput>;

export const CirculateInput = Type.Object({ staffIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }), note: Type.Optional(Text(500)) }, { additionalProperties: false });
export const OpinionInput = Type.Object({ opinion: Text(2000) }, { additionalProperties: false });
export const RemindInput = Type.Object({ note: Type.Optional(Text(500)) }, { additionalProperties: false });
export const ReplyInput = Type.Object({ text: Text(2000) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    box: Type.Optional(
      Type.Union([Type.Literal('unit'), Type.Literal('undertaking'), Type.Literal('reading')], { description: '本单位收文 / 承办协办 / 传阅给我 — unit inbox / lead or helping / circulated to me' }),
    ),
    state: Type.Optional(StateSchema),
    after: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const IncomingItem = Type.Object({
  id: Str,
  number: Str,
  title: Str,
  docNumber: Nullable(Str),
  senderName: Str,
  docType: Nullable(Str),
  urgency: Nullable(Str),
  secrecy: Nullable(Str),
  source: Type.Union([Type.Literal('platform'), Type.Literal('paper')]),
  recipientKind: Type.Union([Type.Literal('main'), Type.Literal('cc')]),
  state: Str,
  departmentId: Str,
  leadDepartmentId: Nullable(Str),
  dueAt: Nullable(Str),
  overdue: Type.Boolean(),
  receivedAt: Str,
});

export const Step = Type.Object({
  at: Str,
  action: Str,
  fromState: Nullable(Str),
  toState: Str,
  actorName: Str,
  departmentId: Nullable(Str),
  departmentName: Nullable(Str),
  opinion: Nullable(Str),
  dueAt: Nullable(Str),
});

export const Reader = Type.Object({ accountId: Str, name: Str, departmentId: Nullable(Str), sentAt: Str, readAt: Nullable(Str) });
export const Unit = Type.Object({ id: Str, name: Str, role: Type.Union([Type.Literal('lead'), Type.Literal('helper')]), input: Nullable(Str), inputAt: Nullable(Str) });

export const IncomingDetail = Type.Composite([
  IncomingItem,
  Type.Object({
    version: Type.Integer(),
    departmentName: Str,
    fileId: Nullable(Str),
    suggestion: Nullable(Str),
    instruction: Nullable(Str),
    summary: Nullable(Str),
    reply: Nullable(Str),
    repliedAt: Nullable(Str),
    supervisionTaskId: Nullable(Str),
    units: Type.Array(Unit),
    steps: Type.Array(Step),
    readers: Type.Array(Reader),
    /** What the caller may do now: workflow actions and the steps beside them. */
    actions: Type.Array(Str),
  }),
]);
export type IncomingItem = Static<typeof IncomingItem>;
export type IncomingDetail = Static<typeof IncomingDetail>;
