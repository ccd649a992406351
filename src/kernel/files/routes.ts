import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { Errors } from '../http/errors.ts';
import { isModuleOwned } from './index.ts';
import { download, FileUpload, ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';
import { actorOf, type Policy } from '../policy/index.ts';

const tags = ['files'];
const FileMeta = Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), createdAt: Type.String({ format: 'date-time' }) });

/** Upload and download of materials. Download requires ownership or `file.read` in the file's region. */
export function fileRoutes(k: Kernel, policy: Policy) {
  return async function (app: App) {
    app.post(
      '/api/files',
      {
        config: { authenticated: true, documentedBody: FileUpload },
        schema: {
          tags,
          summary: '上传材料 / Upload a material (multipart, field "file")',
          consumes: ['multipart/form-data'],
          response: { 201: FileMeta, 400: ProblemSchema, 401: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw Errors.unsupportedType();
        const part = await req.file({ limits: { fileSize: k.config.fileMaxBytes, files: 1, fields: 5 } });
        if (!part) throw Errors.validation([{ path: '/file', message: 'a file part named "file" is required / 缺少文件' }]);
        const who = req.principal!;
        // The whole file is received and checked before a database connection is taken: a client
        // that sends slowly, or stops, holds nothing but its own socket and temporary file.
        const received = await k.files.receive({ stream: part.file, name: part.filename || 'file', declaredMime: part.mimetype });
        const stored = await k.files.keep(received, { ownerId: who.accountId, regionCode: who.regionCode || k.config.regionCode }, (trx, f) =>
          k.recordChange(trx, {
            actor: actorOf(who),
            action: 'uploaded',
            objectType: 'kernel.file',
            objectId: f.id,
            regionCode: f.regionCode,
            change: { sha256: f.sha256, size: f.sizeBytes, mime: f.mime },
            summary: { mime: f.mime, size: f.sizeBytes },
            requestId: String(req.id),
          }),
        );
        return reply.status(201).send({ ...stored, createdAt: stored.createdAt.toISOString() });
      },
    );
    app.get(
      '/api/files/:id',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '下载材料 / Download a material',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: download(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, reply) => {
        const file = await k.files.find(req.params.id);
        // A module's own files (sealed licences) are the module's to serve; here they do not exist.
        if (!file || isModuleOwned(file.ownerId)) throw Errors.notFound('file');
        const who = req.principal!;
        if (file.ownerId !== who.accountId && !policy.can(who, 'file.read', { regionCode: file.regionCode })) throw Errors.forbidden();
        reply.header('content-type', file.mime);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        reply.header('x-content-sha256', file.sha256);
        return reply.send((await k.files.open(file)) as never);
      },
    );
  };
}
