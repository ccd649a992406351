import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { JsonObject, ProblemSchema } from '../../kernel/http/schemas.ts';
import { assertAllowed, type Policy } from '../../kernel/policy/index.ts';
import { WorkflowDefinition } from '../../kernel/workflow/index.ts';
import type { CaseWorkflows } from './workflows.ts';

const tags = ['cases'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$' });
const VersionInfo = Type.Object({
  version: Type.Integer(),
  regionCode: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const Problem = Type.Object({ path: Type.String(), message: Type.String() });
// The body is checked by the workflow store (so every problem comes back at once, each with its path).
// Checked by the route itself (schema, reachability, handlers) so that every problem is listed at once.
const AnyDefinition = JsonObject;

/** Admin API of case workflow versions per region: list, read one, check a draft, publish. */
export function caseWorkflowRoutes(workflows: CaseWorkflows, policy: Policy, defaultRegion: string) {
  return async function (app: App) {
    app.get(
      '/api/cases/workflows',
      {
        config: { permission: 'cases.manage' },
        schema: {
          tags,
          summary: '工单流程版本 / Case workflow versions of a region',
          querystring: Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false }),
          response: { 200: Type.Object({ regionCode: Type.String(), latest: Type.Integer(), versions: Type.Array(VersionInfo) }), ...errors },
        },
      },
      async (req) => {
        const regionCode = req.query.regionCode ?? defaultRegion;
        assertAllowed(policy, req.principal, 'cases.manage', { regionCode });
        return { regionCode, latest: (await workflows.latest(regionCode)).version, versions: await workflows.versions(regionCode) };
      },
    );
    app.get(
      '/api/cases/workflows/:version',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '某版本的工单流程 / One version of the case workflow',
          params: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: Type.Object({ version: Type.Integer(), definition: WorkflowDefinition }), ...errors },
        },
      },
      async (req) => {
        const def = await workflows.get(req.params.version).catch(() => null);
        if (!def) throw Errors.notFound('workflow version');
        return { version: req.params.version, definition: def };
      },
    );
    app.post(
      '/api/cases/workflows/check',
      {
        config: { permission: 'cases.manage' },
        schema: {
          tags,
          summary: '检查流程草稿 / Check a draft workflow',
          body: Type.Object({ definition: AnyDefinition }, { additionalProperties: false }),
          response: { 200: Type.Object({ problems: Type.Array(Problem) }), ...errors },
        },
      },
      async (req) => ({ problems: workflows.problems(req.body.definition) }),
    );
    app.post(
      '/api/cases/workflows',
      {
        config: { permission: 'cases.manage' },
        schema: {
          tags,
          summary: '发布本地区工单流程新版本 / Publish a new case workflow version for a region',
          body: Type.Object({ regionCode: RegionCode, definition: AnyDefinition, reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
          response: { 201: VersionInfo, ...errors },
        },
      },
      async (req, reply) => {
        assertAllowed(policy, req.principal, 'cases.manage', { regionCode: req.body.regionCode });
        const info = await workflows.publish(req.principal, req.body.regionCode, req.body.definition, req.body.reason.trim(), String(req.id));
        return reply.code(201).send(info);
      },
    );
  };
}
