import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { download, ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Applications } from './applications.ts';

const tags = ['services'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/**
 * `GET /api/services/applications/:id/decision`: the 决定书/通知书 for whoever may see the application
 * (its applicant, or staff). Chinese by default; `?lang=en` gives an English copy, made and sealed on
 * the first request.
 */
export function decisionRoutes(k: Kernel, apps: Applications) {
  return async function (app: App) {
    app.get(
      '/api/services/applications/:id/decision',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '下载决定书（PDF）/ Download the decision (PDF)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { default: 'zh' })) }, { additionalProperties: false }),
          response: { 200: download('application/pdf', 'text/plain'), ...errors },
        },
      },
      async (req, reply) => {
        const row = await apps.visibleRow(req.principal!, req.params.id);
        if (!row.result_file_id) throw Errors.notFound('decision');
        const fileId = req.query.lang === 'en' ? await apps.decisions?.copy(row.id, 'en') : row.result_file_id;
        const file = fileId ? await k.files.find(fileId) : null;
        if (!file) throw Errors.notFound('decision');
        reply.header('content-type', file.mime);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        return reply.send((await k.files.open(file)) as never);
      },
    );
  };
}
