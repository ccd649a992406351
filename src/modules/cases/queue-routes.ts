import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { BULK_CASE_ACTIONS, REVEAL_PURPOSES } from './queues.ts';
import { CaseSummary, page } from './schema.ts';
import type { CaseViews } from './views.ts';

const tags = ['cases'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema };
const Phone = Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' });
const lits = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

/** 12345 queues by job: counts, search (a number only in the body), 批量签收 and 查看完整号码. */
export function caseQueueRoutes(views: CaseViews) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    app.get(
      '/api/cases/queues',
      {
        config: { permission: 'workbench.use' },
        schema: {
          tags,
          summary: '我的工单队列及数量 / My case queues with counts',
          description: 'Derived from the case workflow and the caller’s roles; `supervise` is 待督办 (overdue, not yet supervised).',
          response: { 200: Type.Array(Type.Object({ state: Type.String(), zh: Type.String(), en: Type.String(), count: Type.Integer(), overdue: Type.Integer() })), ...errors },
        },
      },
      async (req) => views.queues(me(req)),
    );
    app.post(
      '/api/cases/search',
      {
        config: { permission: 'workbench.use' },
        schema: {
          tags,
          summary: '按编号、内容或来电号码查找工单（号码在请求体中）/ Find cases by number, text or caller number (number in the body)',
          body: Type.Object(
            {
              scope: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('unit')])),
              state: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
              open: Type.Optional(Type.Boolean()),
              overdue: Type.Optional(Type.Boolean()),
              q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
              phone: Type.Optional(Phone),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              after: Type.Optional(Type.String({ maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: page(CaseSummary), ...errors },
        },
      },
      async (req) => views.list(me(req), req.body),
    );
    app.post(
      '/api/cases/bulk-actions',
      {
        config: { permission: 'cases.handle' },
        schema: {
          tags,
          summary: '批量签收 / Sign for several cases',
          body: Type.Object({ action: lits(BULK_CASE_ACTIONS), ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 50, uniqueItems: true }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              results: Type.Array(
                Type.Object({
                  id: Type.String(),
                  ok: Type.Boolean(),
                  code: Type.Optional(Type.String()),
                  status: Type.Optional(Type.Integer()),
                  zh: Type.Optional(Type.String()),
                  en: Type.Optional(Type.String()),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => views.bulk(me(req), req.body.ids, req.body.action, rid(req)),
    );
    app.post(
      '/api/cases/:id/caller-phone',
      {
        config: { permission: 'workbench.use' },
        schema: {
          tags,
          summary: '查看完整号码（记入审计）/ Show the caller’s number in full (audited)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          body: Type.Object({ purpose: lits(REVEAL_PURPOSES) }, { additionalProperties: false }),
          response: { 200: Type.Object({ phone: Type.String() }), ...errors },
        },
      },
      async (req) => views.revealCaller(me(req), req.params.id, req.body.purpose, rid(req)),
    );
  };
}
