import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Kernel } from '../../../kernel/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { SupervisionItems } from './items.ts';
import { CHECK_METHODS } from './methods.ts';
import { ActiveInput, ActiveSaved, CoverageQuery, CoverageView, ItemInputSchema, ItemList, ItemUpdateSchema, ItemView, ListQuery, PublicQuery, PublicRandomList, Saved } from './schema.ts';

const tags = ['regulation'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/regulation/items';

/** 监管事项清单 over HTTP: the list and one item, keeping them, 照单监管 coverage, and the public 随机抽查事项清单. */
export function itemsRoutes(k: Kernel, items: SupervisionItems) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    app.get(
      BASE,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '监管事项清单（筛选、分页）/ Supervision items (filters, pages)', querystring: ListQuery, response: { 200: ItemList, ...errors } },
      },
      async (req) => items.list(me(req), req.query),
    );
    app.get(
      `${BASE}/coverage`,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '照单监管：行政许可事项与监管事项对应情况 / Licensing items and the supervision items that follow them',
          querystring: CoverageQuery,
          response: { 200: CoverageView, ...errors },
        },
      },
      async (req) => items.coverage(me(req), req.query),
    );
    app.get(
      `${BASE}/:id`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '监管事项详情 / A supervision item', params: Id, response: { 200: ItemView, ...errors } } },
      async (req) => items.get(me(req), req.params.id),
    );
    app.post(
      BASE,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '新增监管事项 / Add a supervision item', body: ItemInputSchema, response: { 201: Saved, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await items.create(me(req), req.body, rid(req))),
    );
    app.put(
      `${BASE}/:id`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '修改监管事项 / Change a supervision item', params: Id, body: ItemUpdateSchema, response: { 200: Saved, ...errors } },
      },
      async (req) => items.update(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/deactivate`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '停用监管事项 / Deactivate a supervision item', params: Id, body: ActiveInput, response: { 200: ActiveSaved, ...errors } },
      },
      async (req) => items.setActive(me(req), req.params.id, false, req.body?.expectedVersion, rid(req)),
    );
    app.post(
      `${BASE}/:id/activate`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '重新启用监管事项 / Activate a supervision item again', params: Id, body: ActiveInput, response: { 200: ActiveSaved, ...errors } },
      },
      async (req) => items.setActive(me(req), req.params.id, true, req.body?.expectedVersion, rid(req)),
    );

    // 国发〔2019〕5号: the 随机抽查事项清单 is published; anyone may read it without signing in.
    app.get(
      '/api/regulation/public/random-items',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '随机抽查事项清单（公开）/ The published random-inspection item list', querystring: PublicQuery, response: { 200: PublicRandomList, ...errors } },
      },
      async (req) => {
        const regionCode = req.query.region ?? k.config.regionCode;
        const list = await items.publicRandomList(regionCode, req.query.department);
        return {
          regionCode,
          items: list.map((i) => ({
            code: i.code,
            name: i.name,
            departmentName: i.departmentName,
            basis: i.basis,
            level: i.level,
            methods: i.methods.map((m) => ({ code: m, ...CHECK_METHODS[m] })),
            entityTypes: i.entityTypes,
            content: i.content,
          })),
        };
      },
    );
  };
}
