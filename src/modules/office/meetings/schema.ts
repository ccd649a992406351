import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（中国时间 / China time）' });
const Time = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 40 });

export const MeetingInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 120 }),
    startsAt: Time,
    endsAt: Time,
    place: Type.String({ minLength: 1, maxLength: 120 }),
    organiserDepartmentId: Uuid,
    agenda: Type.String({ maxLength: 4000 }),
    replyDueAt: Time,
    invitedDepartmentIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    invitedAccountIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInput>;

export const ReplyInput = Type.Object(
  {
    attending: Type.Boolean({ description: '是否参会 / whether the unit attends' }),
    attendees: Type.Array(Name, { maxItems: 50, description: '参会人员姓名 / names of the attendees' }),
  },
  { additionalProperties: false },
);
export type ReplyInput = Static<typeof ReplyInput>;

export const CheckInInput = Type.Object({ token: Type.String({ minLength: 1, maxLength: 600 }) }, { additionalProperties: false });

export const DecisionInput = Type.Object(
  {
    text: Type.String({ minLength: 2, maxLength: 1000 }),
    leadDepartmentId: Uuid,
    helperDepartmentIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }),
    dueDate: Day,
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const MinutesInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }), decisions: Type.Array(DecisionInput, { maxItems: 50 }) }, { additionalProperties: false });
export type MinutesInput = Static<typeof MinutesInput>;

const State = Type.Union([Type.Literal('draft'), Type.Literal('notified'), Type.Literal('minuted')]);

export const MeetingSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  state: State,
  organiserDepartmentId: Type.String(),
  replyDueAt: Type.String(),
  units: Type.Integer(),
  replied: Type.Integer(),
  attendees: Type.Integer(),
});

export const UnitReply = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  reply: Type.Union([Type.Literal('pending'), Type.Literal('attending'), Type.Literal('absent')]),
  attendees: Type.Array(Type.String()),
  repliedAt: Type.Union([Type.String(), Type.Null()]),
});

export const DecisionView = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  text: Type.String(),
  leadDepartmentId: Type.String(),
  helperDepartmentIds: Type.Array(Type.String()),
  dueDate: Type.String(),
  taskId: Type.Union([Type.String(), Type.Null()]),
});

export const MeetingView = Type.Object({
  ...MeetingSummary.properties,
  agenda: Type.String(),
  organiserName: Type.String(),
  invitedAccountIds: Type.Array(Type.String()),
  replies: Type.Array(UnitReply),
  checkIns: Type.Array(Type.Object({ name: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]), at: Type.String() })),
  minutes: Type.Union([Type.String(), Type.Null()]),
  decisions: Type.Array(DecisionView),
  /** What the caller may do now. */
  can: Type.Object({ manage: Type.Boolean(), reply: Type.Boolean(), checkIn: Type.Boolean() }),
  checkedIn: Type.Boolean(),
});
export type MeetingView = Static<typeof MeetingView>;

export const CheckInCode = Type.Object({ token: Type.String(), url: Type.String(), qrSvg: Type.String(), expiresAt: Type.String() });
