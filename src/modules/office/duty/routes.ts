import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Duty } from './duty.ts';
import { Day, DeptQuery, GenerateInput, HandoverInput, HandoverView, IncidentInput, IncidentView, LogInput, LogView, Month, RotaView, ShiftInput, ShiftView } from './schema.ts';

const tags = ['office'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Unit = DeptQuery.properties.departmentId;

export function dutyRoutes(duty: Duty) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    app.get(
      '/api/office/duty/rota',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '值班表（一个月）/ The duty rota of a month',
          querystring: Type.Object({ month: Month, departmentId: Unit }, { additionalProperties: false }),
          response: { 200: RotaView, ...errors },
        },
      },
      async (req) => duty.rota(me(req), req.query.month, req.query.departmentId),
    );
    app.post(
      '/api/office/duty/rota/generate',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '按工作日历生成月值班表 / Fill a month’s rota from the working-day calendar',
          body: GenerateInput,
          response: { 200: Type.Object({ created: Type.Integer(), kept: Type.Integer() }), ...errors },
        },
      },
      async (req) => duty.generate(me(req), req.body, rid(req)),
    );
    app.put(
      '/api/office/duty/rota/:day',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '调整某日值班 / Set one day’s shift', params: Type.Object({ day: Day }, { additionalProperties: false }), body: ShiftInput, response: { 200: ShiftView, ...errors } },
      },
      async (req) => duty.setShift(me(req), req.params.day, req.body, rid(req)),
    );
    app.get(
      '/api/office/duty/handovers',
      { config: { permission: 'office.use' }, schema: { tags, summary: '交接班记录 / Handovers', querystring: DeptQuery, response: { 200: Type.Array(HandoverView), ...errors } } },
      async (req) => duty.handovers(me(req), req.query.departmentId),
    );
    app.post(
      '/api/office/duty/handovers',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '交班 / Hand over the shift', body: HandoverInput, response: { 201: Type.Object({ id: Type.String(), state: Type.String() }), ...errors } },
      },
      async (req, reply) => reply.status(201).send(await duty.handOver(me(req), req.body, rid(req))),
    );
    app.post(
      '/api/office/duty/handovers/:id/acknowledge',
      {
        config: { permission: 'office.use', documentedBody: NoInput },
        schema: { tags, summary: '接班确认 / Acknowledge a handover', params: Id, response: { 200: Type.Object({ id: Type.String(), state: Type.String() }), ...errors } },
      },
      async (req) => duty.acknowledge(me(req), req.params.id, rid(req)),
    );
    app.get(
      '/api/office/duty/logs',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '值班日志（某日）/ The duty log of a day',
          querystring: Type.Object({ day: Type.Optional(Day), departmentId: Unit }, { additionalProperties: false }),
          response: { 200: Type.Array(LogView), ...errors },
        },
      },
      async (req) => duty.logs(me(req), req.query.day, req.query.departmentId),
    );
    app.post(
      '/api/office/duty/logs',
      { config: { permission: 'office.use' }, schema: { tags, summary: '记值班日志 / Write a duty log entry', body: LogInput, response: { 201: Type.Object({ id: Type.String() }), ...errors } } },
      async (req, reply) => reply.status(201).send(await duty.log(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/office/duty/incidents',
      { config: { permission: 'office.use' }, schema: { tags, summary: '突发事件信息 / Urgent reports', querystring: DeptQuery, response: { 200: Type.Array(IncidentView), ...errors } } },
      async (req) => duty.incidents(me(req), req.query.departmentId),
    );
    app.get(
      '/api/office/duty/incidents/:id',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '一条突发事件信息（含工单号）/ One urgent report, with its case number', params: Id, response: { 200: IncidentView, ...errors } },
      },
      async (req) => duty.incident(me(req), req.params.id),
    );
    app.post(
      '/api/office/duty/incidents',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '报送突发事件信息（自动生成工单）/ Report an urgent incident (opens a case)',
          body: IncidentInput,
          response: { 201: Type.Object({ id: Type.String(), caseNumber: Type.Null() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await duty.reportIncident(me(req), req.body, rid(req))),
    );
  };
}
