import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { Errors } from '../http/errors.ts';
import { NoInput, ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';
import { actorOf } from '../policy/index.ts';

const tags = ['notifications'];

/** The signed-in user's in-app inbox. */
export function notifyRoutes(k: Kernel) {
  return async function (app: App) {
    app.get(
      '/api/notifications',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '站内消息 / Inbox',
          response: {
            200: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                body: Type.String(),
                link: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
                readAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            401: ProblemSchema,
          },
        },
      },
      async (req) =>
        (await k.notify.inbox(req.principal!.accountId)).map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), readAt: n.readAt ? new Date(n.readAt).toISOString() : null })),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        config: { authenticated: true, documentedBody: NoInput },
        schema: {
          tags,
          summary: '标为已读 / Mark read',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 204: Type.Null(), 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, reply) => {
        const who = req.principal!;
        const read = k.db
          .updateTable('kernel_notification')
          .set({ read_at: k.clock.now() })
          .where('id', '=', req.params.id)
          .where('recipient_id', '=', who.accountId)
          .where('read_at', 'is', null)
          .returning('id');
        const rows = await k.tracedWrite(k.db, read, {
          actor: actorOf(who),
          action: 'read',
          objectType: 'kernel.notification',
          objectId: req.params.id,
          regionCode: who.regionCode || k.config.regionCode,
          change: { id: req.params.id },
          requestId: String(req.id),
          event: false,
        });
        if (rows.length === 0) throw Errors.notFound('notification');
        return reply.status(204).send(null);
      },
    );
  };
}
