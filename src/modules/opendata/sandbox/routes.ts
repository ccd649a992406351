import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { SandboxQueries } from './queries.ts';
import { AccessList, HistoryQuery, LogPage, LogQuery, QueryInput, QueryResult } from './schema.ts';

const tags = ['opendata'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/opendata/sandbox';

/** 沙箱 over HTTP: the approved datasets, a query, the user's history and the provider's log. */
export function sandboxRoutes(queries: SandboxQueries) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    app.get(
      `${BASE}/access`,
      {
        config: { authenticated: true },
        schema: { tags, summary: '我可在沙箱中查询的数据集（已批准的可用不可见申请）/ Datasets I may query in the sandbox', response: { 200: AccessList, ...errors } },
      },
      async (req) => queries.access(me(req)),
    );
    app.post(
      `${BASE}/queries`,
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '沙箱聚合查询（计数、求和、平均、分组；k 匿名抑制；不返回明细）/ An aggregate sandbox query (no rows ever; small groups suppressed)',
          body: QueryInput,
          response: { 200: QueryResult, ...errors },
        },
      },
      async (req) => queries.run(me(req), req.body, String(req.id)),
    );
    app.get(
      `${BASE}/queries`,
      {
        config: { authenticated: true },
        schema: { tags, summary: '我的沙箱查询记录 / My sandbox queries', querystring: HistoryQuery, response: { 200: LogPage, ...errors } },
      },
      async (req) => queries.history(me(req), req.query),
    );
    app.get(
      `${BASE}/log`,
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '沙箱查询日志（数据提供部门数据专员、数据主管部门）/ The sandbox query log (the provider’s data steward, the data bureau)',
          querystring: LogQuery,
          response: { 200: LogPage, ...errors },
        },
      },
      async (req) => queries.log(me(req), req.query),
    );
  };
}
