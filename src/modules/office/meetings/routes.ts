import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Meetings } from './meetings.ts';
import { CheckInCode, CheckInInput, MeetingInput, MeetingSummary, MeetingView, MinutesInput, ReplyInput } from './schema.ts';

const tags = ['office'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const UnitParams = Type.Object({ id: Type.String({ format: 'uuid' }), departmentId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Page = Type.Object(
  { after: Type.Optional(Type.String({ maxLength: 120, pattern: '^[A-Za-z0-9_=-]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })) },
  { additionalProperties: false },
);
const State = Type.Object({ id: Type.String(), state: Type.String() });

export function meetingsRoutes(meetings: Meetings) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    app.get(
      '/api/office/meetings',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '会议列表（我组织或受邀的）/ Meetings I organise or am invited to',
          querystring: Page,
          response: { 200: Type.Object({ items: Type.Array(MeetingSummary), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => meetings.list(me(req), { after: req.query.after, limit: req.query.limit ?? 50 }),
    );
    app.post(
      '/api/office/meetings',
      { config: { permission: 'office.clerk' }, schema: { tags, summary: '新建会议（草稿）/ Create a meeting (draft)', body: MeetingInput, response: { 201: State, ...errors } } },
      async (req, reply) => reply.status(201).send(await meetings.create(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/office/meetings/:id',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '会议详情：通知、回执、签到、纪要 / A meeting: notice, replies, check-ins, minutes', params: Id, response: { 200: MeetingView, ...errors } },
      },
      async (req) => meetings.get(me(req), req.params.id),
    );
    app.post(
      '/api/office/meetings/:id/notice',
      {
        config: { permission: 'office.clerk', documentedBody: NoInput },
        schema: {
          tags,
          summary: '发送会议通知（一次通知全部受邀单位）/ Send the notice to every invited unit',
          params: Id,
          response: { 200: Type.Object({ id: Type.String(), state: Type.String(), notified: Type.Integer() }), ...errors },
        },
      },
      async (req) => meetings.sendNotice(me(req), req.params.id, rid(req)),
    );
    app.put(
      '/api/office/meetings/:id/units/:departmentId/reply',
      {
        config: { permission: 'office.clerk' },
        schema: {
          tags,
          summary: '报名回执（单位文书代本单位填报参会人员）/ Reply for a unit with its attendees',
          params: UnitParams,
          body: ReplyInput,
          response: { 200: Type.Object({ departmentId: Type.String(), reply: Type.String(), attendees: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (req) => meetings.reply(me(req), req.params.id, req.params.departmentId, req.body, rid(req)),
    );
    app.get(
      '/api/office/meetings/:id/check-in-code',
      { config: { permission: 'office.clerk' }, schema: { tags, summary: '签到二维码（限时有效）/ The check-in QR code (expires)', params: Id, response: { 200: CheckInCode, ...errors } } },
      async (req) => meetings.checkInCode(me(req), req.params.id),
    );
    app.post(
      '/api/office/meetings/:id/check-ins',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '扫码签到 / Check in with the scanned code',
          params: Id,
          body: CheckInInput,
          response: { 200: Type.Object({ checkedInAt: Type.String(), first: Type.Boolean() }), ...errors },
        },
      },
      async (req) => meetings.checkIn(me(req), req.params.id, req.body.token, rid(req)),
    );
    app.post(
      '/api/office/meetings/:id/minutes',
      {
        config: { permission: 'office.clerk' },
        schema: {
          tags,
          summary: '会议纪要与议定事项（每项生成督办任务）/ Minutes and decisions (each becomes a supervision task)',
          params: Id,
          body: MinutesInput,
          response: {
            200: Type.Object({ id: Type.String(), state: Type.String(), decisions: Type.Array(Type.Object({ id: Type.String(), seq: Type.Integer(), taskId: Type.String() })) }),
            ...errors,
            503: ProblemSchema,
          },
        },
      },
      async (req) => meetings.writeMinutes(me(req), req.params.id, req.body, rid(req)),
    );
  };
}
