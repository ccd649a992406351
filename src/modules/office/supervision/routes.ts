import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { AssignInput, FeedbackInput, KeyWorkListSchema, ListQuery, ReportInput, ReviewInput, TaskDetail, TaskInputSchema, TaskView, UnitFigures } from './schema.ts';
import type { SupervisionTasks } from './tasks.ts';

const tags = ['office'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Moved = Type.Object({ state: Type.String() });
const BASE = '/api/office/supervision';

/** 督查督办 over HTTP: the board, a task's page and steps, a key-work list import, figures per unit. */
export function supervisionRoutes(tasks: SupervisionTasks) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    app.get(
      `${BASE}/tasks`,
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '督办事项（看板）/ Supervision tasks (the board)', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(TaskView) }), ...errors } },
      },
      async (req) => ({ items: await tasks.list(me(req), req.query) }),
    );
    app.post(
      `${BASE}/tasks`,
      {
        config: { permission: 'office.supervise' },
        schema: { tags, summary: '立项（可同时交办）/ Raise a task (and assign it)', body: TaskInputSchema, response: { 201: Type.Object({ id: Type.String(), number: Type.String() }), ...errors } },
      },
      async (req, reply) => reply.status(201).send(await tasks.create(me(req), req.body, rid(req))),
    );
    app.post(
      `${BASE}/key-work-lists`,
      {
        config: { permission: 'office.supervise' },
        schema: {
          tags,
          summary: '导入年度重点工作清单（逐行校验）/ Import a key-work list (checked row by row)',
          body: KeyWorkListSchema,
          response: { 201: Type.Object({ ids: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await tasks.importList(me(req), req.body, rid(req))),
    );
    app.get(
      `${BASE}/tasks/:id`,
      { config: { permission: 'office.use' }, schema: { tags, summary: '督办事项详情与办理过程 / A task and its timeline', params: Id, response: { 200: TaskDetail, ...errors } } },
      async (req) => tasks.get(me(req), req.params.id),
    );
    app.post(
      `${BASE}/tasks/:id/assign`,
      { config: { permission: 'office.supervise' }, schema: { tags, summary: '交办 / Assign to a lead unit', params: Id, body: AssignInput, response: { 200: Moved, ...errors } } },
      async (req) => tasks.assign(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/tasks/:id/sign`,
      { config: { permission: 'office.use', documentedBody: NoInput }, schema: { tags, summary: '签收 / Sign for the task', params: Id, response: { 200: Moved, ...errors } } },
      async (req) => tasks.step(me(req), req.params.id, 'sign', {}, rid(req)),
    );
    app.post(
      `${BASE}/tasks/:id/feedback`,
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '阶段反馈（进度、佐证材料）/ Report progress with evidence', params: Id, body: FeedbackInput, response: { 200: Moved, ...errors } },
      },
      async (req) => tasks.step(me(req), req.params.id, 'feedback', req.body, rid(req)),
    );
    app.post(
      `${BASE}/tasks/:id/report`,
      { config: { permission: 'office.use' }, schema: { tags, summary: '办结报告 / Report the task done', params: Id, body: ReportInput, response: { 200: Moved, ...errors } } },
      async (req) => tasks.step(me(req), req.params.id, 'report', req.body, rid(req)),
    );
    app.post(
      `${BASE}/tasks/:id/review`,
      { config: { permission: 'office.supervise' }, schema: { tags, summary: '核查：办结销号或退回 / Check: close or return', params: Id, body: ReviewInput, response: { 200: Moved, ...errors } } },
      async (req) => {
        const { decision, opinion, expectedVersion } = req.body;
        return tasks.step(me(req), req.params.id, decision, decision === 'return' ? { reason: opinion, expectedVersion } : { opinion, expectedVersion }, rid(req));
      },
    );
    app.get(
      `${BASE}/figures`,
      { config: { permission: 'office.use' }, schema: { tags, summary: '各单位督办统计 / Figures per unit', response: { 200: Type.Object({ items: Type.Array(UnitFigures) }), ...errors } } },
      async (req) => ({ items: await tasks.figures(me(req)) }),
    );
  };
}
