import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';

const tags = ['audit'];

/** Read side of the audit ledger for auditors: recent entries in one's jurisdiction and a chain check. */
export function auditRoutes(k: Kernel) {
  return async function (app: App) {
    app.get(
      '/api/kernel/audit/entries',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags,
          summary: '审计日志 / Audit entries',
          querystring: Type.Object(
            {
              objectType: Type.Optional(Type.String({ maxLength: 60 })),
              objectId: Type.Optional(Type.String({ maxLength: 100 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Array(
              Type.Object({
                id: Type.String(),
                at: Type.String({ format: 'date-time' }),
                actorId: Type.String(),
                actorType: Type.String(),
                action: Type.String(),
                objectType: Type.String(),
                objectId: Type.String(),
                regionCode: Type.String(),
                /** The hash chain the entry is linked in; positions count per lane. */
                lane: Type.Integer(),
                chainPos: Type.Union([Type.Integer(), Type.Null()]),
              }),
            ),
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
          },
        },
      },
      async (req) => {
        const rows = await k.db
          .selectFrom('kernel_audit_entry')
          .select([
            'id',
            'at',
            'actor_id as actorId',
            'actor_type as actorType',
            'action',
            'object_type as objectType',
            'object_id as objectId',
            'region_code as regionCode',
            'lane',
            'chain_pos as chainPos',
          ])
          .where('region_code', 'like', `${req.principal!.regionCode}%`)
          .$if(!!req.query.objectType, (q) => q.where('object_type', '=', req.query.objectType!))
          .$if(!!req.query.objectId, (q) => q.where('object_id', '=', req.query.objectId!))
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(req.query.limit ?? 50)
          .execute();
        return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), lane: Number(r.lane), chainPos: r.chainPos === null ? null : Number(r.chainPos) }));
      },
    );
  };
}
