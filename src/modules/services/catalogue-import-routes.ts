import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { DomainError, Errors } from '../../kernel/http/errors.ts';
import { FileUpload, ProblemSchema } from '../../kernel/http/schemas.ts';
import { InputErrors, isInvalidText } from '../../kernel/http/input-guard.ts';
import { FileErrors } from '../../kernel/files/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { CatalogueImport } from './catalogue-import.ts';

const tags = ['services'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  applied: Type.Boolean(),
  regionCode: Type.String(),
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
  encoding: Type.Union([Type.Literal('utf-8'), Type.Literal('utf-16le'), Type.Literal('gb18030'), Type.Null()]),
  columns: Type.Array(Type.Object({ header: Type.String(), field: Type.String() })),
  ignoredColumns: Type.Array(Type.String()),
  totals: Type.Object({ rows: Type.Integer(), create: Type.Integer(), update: Type.Integer(), unchanged: Type.Integer(), error: Type.Integer() }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      code: Nullable(Type.String()),
      name: Nullable(Type.String()),
      action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged'), Type.Literal('error')]),
      changes: Type.Array(Type.Object({ field: Type.String(), column: Type.String(), from: Type.String(), to: Type.String() })),
      errors: Type.Array(Type.Object({ column: Type.String(), zh: Type.String(), en: Type.String() })),
      itemId: Nullable(Type.String()),
    }),
  ),
});

/** `POST /api/services/catalogue/import`: a bureau's implementation list as XLSX or CSV (multipart, field "file"). */
export function catalogueImportRoutes(k: Kernel, importer: CatalogueImport) {
  return async function (app: App) {
    app.post(
      '/api/services/catalogue/import',
      {
        config: { permission: 'services.manage', documentedBody: FileUpload },
        schema: {
          tags,
          summary: '导入实施清单（XLSX/CSV，可试导入）/ Import an implementation list (XLSX or CSV, with a dry run)',
          consumes: ['multipart/form-data'],
          querystring: Type.Object(
            {
              dryRun: Type.Optional(Type.Boolean({ default: true, description: '只报告不写入 / report only, write nothing' })),
              regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: '导入到的区划，默认本人所在区划 / region, default: your own' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: ImportReportSchema,
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
            404: ProblemSchema,
            409: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            422: ProblemSchema,
          },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw Errors.unsupportedType();
        const who = req.principal!;
        const max = k.config.fileMaxBytes;
        const part = await req.file({ limits: { fileSize: max, files: 1, fields: 5 } });
        if (!part || part.fieldname !== 'file') throw Errors.validation([{ path: '/file', message: 'a file part named "file" is required / 缺少文件' }]);
        if (isInvalidText(part.filename ?? '')) throw InputErrors.invalidText('/file/filename');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          if (err instanceof DomainError) throw err;
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw FileErrors.tooLarge(max);
          throw FileErrors.incomplete();
        }
        return importer.run(
          who,
          { bytes, fileName: part.filename || 'import', mime: part.mimetype || '', regionCode: req.query.regionCode ?? (who.regionCode || k.config.regionCode), dryRun: req.query.dryRun !== false },
          String(req.id),
        );
      },
    );
  };
}
