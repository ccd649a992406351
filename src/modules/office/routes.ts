import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Policy, Principal } from '../../kernel/policy/index.ts';
import type { OfficeArea } from './area.ts';
import type { Todos } from './todos.ts';

const Kind = Type.Union(['document', 'incoming', 'supervision', 'meeting', 'duty', 'archive'].map((k) => Type.Literal(k)));
export const TodoView = Type.Object({
  kind: Kind,
  id: Type.String(),
  title: Type.String(),
  actionZh: Type.String(),
  actionEn: Type.String(),
  state: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  light: Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()]),
  signature: Type.Boolean(),
  link: Type.String(),
  since: Type.String(),
});

/** The module's own routes (the 待办 list) and each area's. */
export function officeRoutes(policy: Policy, todos: Todos, areas: OfficeArea[]) {
  void policy;
  return async function (app: App) {
    app.get(
      '/api/office/todos',
      {
        config: { permission: 'office.use' },
        schema: {
          tags: ['office'],
          summary: '我的待办（公文、督办、会议、值班、档案）/ My to-do list across the office',
          querystring: Type.Object(
            { kind: Type.Optional(Kind), signature: Type.Optional(Type.Boolean({ description: '只看待我签批的 / only what awaits my signature' })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(TodoView) }), 401: ProblemSchema, 403: ProblemSchema },
        },
      },
      async (req) => ({ items: await todos.of(req.principal as Principal, { kind: req.query.kind as never, signature: req.query.signature }) }),
    );
    for (const a of areas) await a.routes(app);
  };
}
