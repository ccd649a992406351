import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { DocumentRules } from './rules.ts';
import { AppliesTo, AttachInput, Candidate, DetachInput, DocumentParams, ListQuery, RulePage, RuleView, RunResult } from './schema.ts';

const tags = ['政务公开 政策找人'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const DOC = '/api/openness/documents/:id';

/** 政策找人 over HTTP: a document's rule for its editors, and whom it applies to for everyone. */
export function matchingRoutes(rules: DocumentRules) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    app.get(
      `${DOC}/applies-to`,
      {
        config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '政策找人：本文件适用于谁（条件、已匹配与申请人数、申请入口）/ Whom the document applies to, its reach and where to apply',
          params: DocumentParams,
          response: { 200: AppliesTo, ...errors },
        },
      },
      async (req) => rules.appliesTo(req.params.id),
    );
    app.get(
      `${DOC}/rule`,
      {
        config: { authenticated: true },
        schema: { tags, summary: '文件关联的政策找人规则及其历史 / The document’s rule and its history', params: DocumentParams, response: { 200: RuleView, ...errors } },
      },
      async (req) => rules.view(me(req), req.params.id),
    );
    app.get(
      `${DOC}/rule/candidates`,
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '可关联的主动服务政策（发文机关本部门的已发布“政策找人”政策）/ Policies the document may carry',
          params: DocumentParams,
          response: { 200: Type.Array(Candidate), ...errors },
        },
      },
      async (req) => rules.candidates(me(req), req.params.id),
    );
    app.put(
      `${DOC}/rule`,
      {
        config: { authenticated: true },
        schema: { tags, summary: '为文件关联政策找人规则 / Give the document a rule', params: DocumentParams, body: AttachInput, response: { 200: RuleView, ...errors } },
      },
      async (req) => rules.attach(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${DOC}/rule/detach`,
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '解除文件的政策找人规则（保留历史）/ End the document’s rule (kept in its history)',
          params: DocumentParams,
          body: DetachInput,
          response: { 200: RuleView, ...errors },
        },
      },
      async (req) => rules.detach(me(req), req.params.id, req.body.reason, rid(req)),
    );
    app.post(
      `${DOC}/rule/run`,
      {
        config: { authenticated: true, documentedBody: NoInput },
        schema: { tags, summary: '立即比对并提醒符合条件的居民和企业 / Match and tell now', params: DocumentParams, response: { 200: RunResult, ...errors } },
      },
      async (req) => rules.run(me(req), req.params.id, rid(req)),
    );
    app.get(
      '/api/openness/matching/rules',
      {
        config: { authenticated: true },
        schema: { tags, summary: '关联了政策找人规则的文件及其触达 / Documents carrying rules, with their reach', querystring: ListQuery, response: { 200: RulePage, ...errors } },
      },
      async (req) => rules.list(me(req), req.query),
    );
  };
}
