import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { IdParams, NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { RegulationContext } from '../area.ts';
import type { DirectoryInspectors } from './inspectors.ts';
import { objectView, type DirectoryObjects } from './objects.ts';
import { DirectoryErrors } from './errors.ts';
import type { DirectoryRelations } from './relations.ts';
import {
  CodeParams,
  CountsQuery,
  InspectorInput,
  InspectorPage,
  InspectorPatch,
  InspectorQuery,
  InspectorView,
  NewObjectInput,
  ObjectCounts,
  ObjectPage,
  ObjectQuery,
  ObjectView,
  PublicInspectorPage,
  PublicInspectorQuery,
  PublicSummary,
  PublicSummaryQuery,
  RelationInput,
  RelationQuery,
  RelationView,
  SearchQuery,
  SyncInput,
  SyncRun,
  TagInput,
} from './schema.ts';
import type { ObjectSync } from './sync.ts';

const tags = ['regulation'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const OBJECTS = '/api/regulation/objects';
const INSPECTORS = '/api/regulation/inspectors';
const RELATIONS = '/api/regulation/relations';
const PUBLIC = '/api/regulation/public';

interface Parts {
  ctx: RegulationContext;
  objects: DirectoryObjects;
  sync: ObjectSync;
  inspectors: DirectoryInspectors;
  relations: DirectoryRelations;
}

/** 两库 over HTTP: objects and their sync, inspectors, declared relations, and the published lists. */
export function directoryRoutes({ ctx, objects, sync, inspectors, relations }: Parts) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    const home = () => ctx.k.config.regionCode;

    /* ---------------------------------------------------------------- 检查对象名录库 */
    app.get(
      OBJECTS,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '检查对象名录库 / Inspection objects', querystring: ObjectQuery, response: { 200: ObjectPage, ...errors } } },
      async (req) => objects.list(me(req), req.query),
    );
    app.get(
      `${OBJECTS}/search`,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '按名称或信用代码查找（最匹配在前）/ Find by name or credit code, best first',
          querystring: SearchQuery,
          response: { 200: Type.Object({ items: Type.Array(ObjectView) }), ...errors },
        },
      },
      async (req) => ({ items: (await objects.search(ctx.k.db, req.query.q, me(req).regionCode, req.query.limit ?? 20)).map(objectView) }),
    );
    app.get(
      `${OBJECTS}/counts`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '按类型与地区统计 / Counts by type and region', querystring: CountsQuery, response: { 200: ObjectCounts, ...errors } } },
      async (req) => objects.counts(objects.region(me(req), req.query.regionCode, '/regionCode')),
    );
    app.post(
      OBJECTS,
      { config: { permission: 'regulation.manage' }, schema: { tags, summary: '手工登记检查对象 / Enter an object by hand', body: NewObjectInput, response: { 201: ObjectView, ...errors } } },
      async (req, reply) => reply.status(201).send(await objects.add(me(req), req.body, rid(req))),
    );
    app.post(
      `${OBJECTS}/sync`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '从法人基础库同步（排队执行）/ Sync from the entity base (queued)', body: SyncInput, response: { 202: SyncRun, ...errors } },
      },
      async (req, reply) => {
        const who = me(req);
        const region = objects.region(who, req.body.regionCode, '/regionCode');
        assertAllowed(ctx.policy, who, 'regulation.manage', { regionCode: region });
        const { run } = await sync.request(region, actorOf(who), rid(req));
        return reply.status(202).header('location', `${OBJECTS}/sync/${run.id}`).send(run);
      },
    );
    app.get(
      `${OBJECTS}/sync/latest`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '本辖区最近一次同步 / The latest sync of your region', response: { 200: Type.Union([SyncRun, Type.Null()]), ...errors } },
      },
      async (req) => sync.latest(me(req).regionCode),
    );
    app.get(
      `${OBJECTS}/sync/:id`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '同步进度与结果 / A sync: progress and counts', params: IdParams, response: { 200: SyncRun, ...errors } } },
      async (req) => {
        const run = await sync.get(req.params.id);
        if (!ctx.policy.can(me(req), 'regulation.read', { regionCode: run.regionCode })) throw DirectoryErrors.syncNotFound();
        return run;
      },
    );
    app.get(
      `${OBJECTS}/:creditCode`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '一个检查对象 / One object', params: CodeParams, response: { 200: ObjectView, ...errors } } },
      async (req) => objects.one(me(req), req.params.creditCode),
    );
    app.put(
      `${OBJECTS}/:creditCode/industries`,
      { config: { permission: 'regulation.manage' }, schema: { tags, summary: '标注行业领域 / Tag industries', params: CodeParams, body: TagInput, response: { 200: ObjectView, ...errors } } },
      async (req) => objects.tag(me(req), req.params.creditCode, req.body.industries, req.body.expectedVersion, rid(req)),
    );

    /* ---------------------------------------------------------------- 执法检查人员名录库 */
    app.get(
      INSPECTORS,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '执法检查人员名录库 / Inspectors', querystring: InspectorQuery, response: { 200: InspectorPage, ...errors } } },
      async (req) => inspectors.list(me(req), req.query),
    );
    app.get(`${INSPECTORS}/me`, { config: { permission: 'regulation.read' }, schema: { tags, summary: '本人的名录信息 / My own entry', response: { 200: InspectorView, ...errors } } }, async (req) =>
      inspectors.mine(me(req)),
    );
    app.post(
      INSPECTORS,
      { config: { permission: 'regulation.manage' }, schema: { tags, summary: '登记执法检查人员 / Add an inspector', body: InspectorInput, response: { 201: InspectorView, ...errors } } },
      async (req, reply) => reply.status(201).send(await inspectors.create(me(req), req.body, rid(req))),
    );
    app.get(
      `${INSPECTORS}/:id`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '一名执法检查人员 / One inspector', params: IdParams, response: { 200: InspectorView, ...errors } } },
      async (req) => inspectors.get(me(req), req.params.id),
    );
    app.patch(
      `${INSPECTORS}/:id`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '修改执法检查人员 / Edit an inspector', params: IdParams, body: InspectorPatch, response: { 200: InspectorView, ...errors } },
      },
      async (req) => inspectors.update(me(req), req.params.id, req.body, rid(req)),
    );
    for (const [action, active] of [
      ['deactivate', false],
      ['activate', true],
    ] as const) {
      app.post(
        `${INSPECTORS}/:id/${action}`,
        {
          config: { permission: 'regulation.manage', documentedBody: NoInput },
          schema: { tags, summary: active ? '恢复在册 / Reactivate' : '停用（不再参与抽取）/ Deactivate (out of later draws)', params: IdParams, response: { 200: InspectorView, ...errors } },
        },
        async (req) => inspectors.setActive(me(req), req.params.id, active, rid(req)),
      );
    }

    /* ---------------------------------------------------------------- 利害关系 */
    app.get(
      RELATIONS,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '利害关系申报（监管人员看全部，检查人员看本人）/ Declared relations',
          querystring: RelationQuery,
          response: { 200: Type.Object({ items: Type.Array(RelationView) }), ...errors },
        },
      },
      async (req) => ({ items: await relations.list(me(req), req.query) }),
    );
    app.post(
      RELATIONS,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '申报利害关系（本人或由监管人员代为）/ Declare a relation', body: RelationInput, response: { 201: RelationView, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await relations.declare(me(req), req.body, rid(req))),
    );
    app.post(
      `${RELATIONS}/:id/withdraw`,
      {
        config: { permission: 'regulation.read', documentedBody: NoInput },
        schema: { tags, summary: '撤回利害关系申报 / Withdraw a relation', params: IdParams, response: { 200: RelationView, ...errors } },
      },
      async (req) => relations.withdraw(me(req), req.params.id, rid(req)),
    );

    /* ---------------------------------------------------------------- 公开（无需登录） */
    app.get(
      `${PUBLIC}/inspectors`,
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '执法检查人员名录（公开）/ The published inspector list', querystring: PublicInspectorQuery, response: { 200: PublicInspectorPage, 400: ProblemSchema } },
      },
      async (req) => inspectors.published({ ...req.query, regionCode: req.query.regionCode ?? home() }),
    );
    app.get(
      `${PUBLIC}/objects/summary`,
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '检查对象名录库统计（公开）/ Inspection objects by type and region (public)', querystring: PublicSummaryQuery, response: { 200: PublicSummary, 400: ProblemSchema } },
      },
      async (req) => {
        const c = await objects.counts(req.query.regionCode ?? home());
        return {
          regionCode: c.regionCode,
          active: c.active,
          byType: c.byType.filter((x) => x.active > 0).map((x) => ({ entityType: x.entityType, count: x.active })),
          byRegion: c.byRegion.filter((x) => x.active > 0).map((x) => ({ regionCode: x.regionCode, name: x.name, count: x.active })),
        };
      },
    );
  };
}
