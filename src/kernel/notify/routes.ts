import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { Errors } from '../http/errors.ts';
import { NoInput, ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';
import { actorOf } from '../policy/index.ts';

const tags = ['notifications'];

const Notification = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

/** The signed-in user's in-app inbox: only ever their own messages (the recipient is the session's account). */
export function notifyRoutes(k: Kernel) {
  return async function (app: App) {
    app.get(
      '/api/notifications',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '站内消息（未读在前）/ Inbox, unread first',
          querystring: Type.Object(
            {
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
              unread: Type.Optional(Type.Boolean({ description: '只看未读 / unread only' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(Notification), 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) =>
        (await k.notify.inbox(req.principal!.accountId, req.query.limit ?? 50, { unreadOnly: req.query.unread === true })).map((n) => ({
          ...n,
          createdAt: new Date(n.createdAt).toISOString(),
          readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
        })),
    );
    app.get(
      '/api/notifications/unread-count',
      {
        config: { authenticated: true },
        schema: { tags, summary: '未读消息数 / Unread messages', response: { 200: Type.Object({ count: Type.Integer() }), 401: ProblemSchema } },
      },
      async (req) => ({ count: await k.notify.unreadCount(req.principal!.accountId) }),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        config: { authenticated: true, documentedBody: NoInput },
        schema: {
          tags,
          summary: '标为已读 / Mark read',
          description: 'Marking a message already read again answers 204 and changes nothing; another person’s message is 404.',
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
        if (rows.length === 0) {
          // A second tap on a message already read is not an error; someone else's message is not found.
          const own = await k.db.selectFrom('kernel_notification').select('id').where('id', '=', req.params.id).where('recipient_id', '=', who.accountId).executeTakeFirst();
          if (!own) throw Errors.notFound('notification');
        }
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/notifications/read-all',
      {
        config: { authenticated: true, documentedBody: NoInput },
        schema: { tags, summary: '全部标为已读 / Mark all read', response: { 200: Type.Object({ count: Type.Integer() }), 400: ProblemSchema, 401: ProblemSchema } },
      },
      async (req) => {
        const who = req.principal!;
        const read = k.db.updateTable('kernel_notification').set({ read_at: k.clock.now() }).where('recipient_id', '=', who.accountId).where('read_at', 'is', null).returning('id');
        const rows = await k.tracedWrite<{ id: string }>(k.db, read, {
          actor: actorOf(who),
          action: 'read-all',
          objectType: 'kernel.notification',
          objectId: who.accountId,
          regionCode: who.regionCode || k.config.regionCode,
          change: { all: true },
          requestId: String(req.id),
          event: false,
        });
        return { count: rows.length };
      },
    );
  };
}
