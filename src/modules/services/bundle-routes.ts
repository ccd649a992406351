import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { BundleApplications } from './bundle-applications.ts';
import {
  BundleApplicationInput,
  BundleApplicationList,
  BundleApplicationQuery,
  BundleApplicationView,
  BundleDeliverBody,
  BundleDetail,
  BundleInput,
  BundlePatch,
  BundleQuery,
  BundleSummary,
} from './bundle-schema.ts';
import type { BundleCatalogue } from './bundles.ts';

const tags = ['services'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema };

/** 一件事一次办: bundle definitions (public reading, managed writing), one submission, one status, one delivery. */
export function bundleRoutes(bundles: BundleCatalogue, applications: BundleApplications) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    app.get(
      '/api/services/bundles',
      { config: { public: true }, schema: { tags, summary: '一件事清单 / Bundles (一件事)', querystring: BundleQuery, response: { 200: Type.Array(BundleSummary), 400: ProblemSchema } } },
      async (req) => bundles.list(req.query),
    );
    app.get(
      '/api/services/bundles/:id',
      { config: { public: true }, schema: { tags, summary: '一件事：所含事项、办理顺序与合并表单 / A bundle: members, order, merged form', params: Id, response: { 200: BundleDetail, ...errors } } },
      async (req) => bundles.get(req.params.id),
    );
    app.post(
      '/api/services/bundles',
      { config: { permission: 'services.manage' }, schema: { tags, summary: '新增一件事 / Create a bundle', body: BundleInput, response: { 201: BundleDetail, ...errors } } },
      async (req, reply) => reply.status(201).send(await bundles.create(req.principal!, req.body, rid(req))),
    );
    app.put(
      '/api/services/bundles/:id',
      {
        config: { permission: 'services.manage' },
        schema: { tags, summary: '修改一件事（生成新版本）/ New version of a bundle', params: Id, body: BundlePatch, response: { 200: BundleDetail, ...errors } },
      },
      async (req) => bundles.update(req.principal!, req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/services/bundles/:id/applications',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '一次提交一件事 / Apply for a bundle once',
          description: 'Validates the merged form, creates one bundle application and the 办件 of the members that wait for nothing; the others follow as their prerequisites are approved.',
          params: Id,
          body: BundleApplicationInput,
          response: { 201: BundleApplicationView, ...errors },
        },
      },
      async (req, reply) => {
        const id = await applications.submit(req.principal!, req.params.id, req.body, rid(req));
        return reply.status(201).send(await applications.view(req.principal!, id));
      },
    );
    app.get(
      '/api/services/bundle-applications',
      { config: { authenticated: true }, schema: { tags, summary: '我的一件事 / Bundle applications', querystring: BundleApplicationQuery, response: { 200: BundleApplicationList, ...errors } } },
      async (req) => applications.list(req.principal!, req.query),
    );
    app.get(
      '/api/services/bundle-applications/:id',
      { config: { authenticated: true }, schema: { tags, summary: '一件事办理进度 / One status of a bundle application', params: Id, response: { 200: BundleApplicationView, ...errors } } },
      async (req) => applications.view(req.principal!, req.params.id),
    );
    app.post(
      '/api/services/bundle-applications/:id/deliver',
      {
        config: { permission: 'services.handle' },
        schema: { tags, summary: '一件事统一出件 / Deliver a bundle and all its members at once', params: Id, body: BundleDeliverBody, response: { 200: BundleApplicationView, ...errors } },
      },
      async (req) => applications.deliver(req.principal!, req.params.id, req.body, rid(req)),
    );
  };
}
