import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 40 });
const Unit = Type.Optional(Type.String({ format: 'uuid', description: '值班单位（默认本人单位）/ the duty desk’s unit (default: your own)' }));
// Years 1900–2099 only: a rota or log of year 0 is a typo, and PostgreSQL cannot store it.
export const Month = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const Day = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD（中国时间 / China time）' });
const DayKind = Type.Union([Type.Literal('workday'), Type.Literal('weekend'), Type.Literal('holiday')]);

export const GenerateInput = Type.Object(
  {
    month: Month,
    departmentId: Unit,
    leaders: Type.Array(Name, { minItems: 1, maxItems: 20, description: '带班领导，按顺序轮换 / leaders, in turn' }),
    officers: Type.Array(Name, { minItems: 1, maxItems: 50, description: '值班员，按顺序轮换 / duty officers, in turn' }),
    perDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, default: 1, description: '每天值班员人数 / officers per day' })),
  },
  { additionalProperties: false },
);
export type GenerateInput = Static<typeof GenerateInput>;

export const ShiftInput = Type.Object({ departmentId: Unit, leader: Type.Union([Name, Type.Null()]), officers: Type.Array(Name, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false });
export type ShiftInput = Static<typeof ShiftInput>;

export const ShiftView = Type.Object({
  day: Type.String(),
  kind: DayKind,
  leader: Type.Union([Type.String(), Type.Null()]),
  officers: Type.Array(Type.String()),
  planned: Type.Boolean(),
});

export const RotaView = Type.Object({ departmentId: Type.String(), month: Type.String(), today: Type.String(), days: Type.Array(ShiftView), canEdit: Type.Boolean() });

export const HandoverInput = Type.Object(
  { departmentId: Unit, toName: Name, items: Type.String({ minLength: 1, maxLength: 4000, description: '交接事项 / what is handed over' }) },
  { additionalProperties: false },
);
export type HandoverInput = Static<typeof HandoverInput>;

export const HandoverView = Type.Object({
  id: Type.String(),
  day: Type.String(),
  fromName: Type.String(),
  toName: Type.String(),
  items: Type.String(),
  state: Type.Union([Type.Literal('open'), Type.Literal('acknowledged')]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  mine: Type.Boolean({ description: '等待我确认 / awaits my acknowledgement' }),
});

export const LogKind = Type.Union([Type.Literal('call'), Type.Literal('document'), Type.Literal('incident'), Type.Literal('other')], {
  description: 'call 来电 · document 来文 · incident 突发事件 · other 其他',
});
export const LogInput = Type.Object(
  { departmentId: Unit, at: Type.Optional(Type.String({ format: 'date-time' })), kind: LogKind, text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export type LogInput = Static<typeof LogInput>;
export const LogView = Type.Object({ id: Type.String(), at: Type.String(), kind: LogKind, text: Type.String(), authorName: Type.String() });

export const IncidentInput = Type.Object(
  {
    departmentId: Unit,
    what: Type.String({ minLength: 2, maxLength: 2000, description: '事件情况 / what happened' }),
    place: Type.String({ minLength: 1, maxLength: 200 }),
    occurredAt: Type.String({ format: 'date-time' }),
    casualties: Type.Integer({ minimum: 0, maximum: 100000, description: '伤亡人数 / casualties' }),
    reporter: Type.String({ minLength: 1, maxLength: 60, description: '报告人（单位、姓名）/ who reported it' }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
export type IncidentInput = Static<typeof IncidentInput>;
export const IncidentView = Type.Object({
  id: Type.String(),
  what: Type.String(),
  place: Type.String(),
  occurredAt: Type.String(),
  casualties: Type.Integer(),
  reporter: Type.String(),
  reportedAt: Type.String(),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
});

export const DeptQuery = Type.Object({ departmentId: Unit }, { additionalProperties: false });
export { Uuid };
