import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { CirculateInput, IncomingDetail, IncomingItem, ListQuery, OpinionInput, RegisterInput, RemindInput, ReplyInput, StepInput } from './schema.ts';
import type { IncomingService } from './service.ts';
import type { IncomingViews } from './views.ts';

const tags = ['office'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const Done = Type.Object({ id: Type.String() });

/** 收文 under /api/office/incoming: the inboxes, the 办理单 and every step. */
export function incomingRoutes(service: IncomingService, views: IncomingViews) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    const use = { permission: 'office.use' };

    app.get(
      '/api/office/incoming',
      {
        config: use,
        schema: {
          tags,
          summary: '收文箱（本单位、承办协办、传阅给我）/ Incoming documents: the unit inbox, led or helped, circulated to me',
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(IncomingItem), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => views.list(me(req), req.query),
    );
    app.post(
      '/api/office/incoming',
      {
        config: { permission: 'office.clerk' },
        schema: {
          tags,
          summary: '手工登记来文（纸质或外单位）/ Register a paper or outside document',
          body: RegisterInput,
          response: { 201: Type.Object({ id: Type.String(), number: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await service.register(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/office/incoming/:id',
      { config: use, schema: { tags, summary: '收文办理单 / An incoming document with its handling record', params: Id, response: { 200: IncomingDetail, ...errors } } },
      async (req) => views.detail(me(req), req.params.id),
    );
    app.post(
      '/api/office/incoming/:id/steps',
      {
        config: use,
        schema: {
          tags,
          summary: '办理一步（签收、登记、初审、拟办、批办、承办、办结）/ Take a step: sign, register, review, suggest, instruct, take up, complete',
          params: Id,
          body: StepInput,
          response: { 200: Type.Object({ id: Type.String(), state: Type.String(), version: Type.Integer() }), ...errors },
        },
      },
      async (req) => service.step(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/office/incoming/:id/circulations',
      { config: use, schema: { tags, summary: '传阅 / Circulate to named staff', params: Id, body: CirculateInput, response: { 200: Type.Object({ added: Type.Integer() }), ...errors } } },
      async (req) => service.circulate(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/office/incoming/:id/read',
      {
        config: { ...use, documentedBody: NoInput },
        schema: { tags, summary: '已阅（阅读回执）/ Mark as read (read receipt)', params: Id, response: { 200: Type.Object({ readAt: Type.String() }), ...errors } },
      },
      async (req) => service.read(me(req), req.params.id, rid(req)),
    );
    app.post(
      '/api/office/incoming/:id/assists',
      { config: use, schema: { tags, summary: '协办意见 / A helping unit’s input', params: Id, body: OpinionInput, response: { 200: Done, ...errors } } },
      async (req) => (await service.assist(me(req), req.params.id, req.body.opinion, rid(req)), { id: req.params.id }),
    );
    app.post(
      '/api/office/incoming/:id/reminders',
      { config: use, schema: { tags, summary: '催办 / Remind the lead unit', params: Id, body: RemindInput, response: { 200: Done, ...errors } } },
      async (req) => (await service.remind(me(req), req.params.id, req.body.note, rid(req)), { id: req.params.id }),
    );
    app.post(
      '/api/office/incoming/:id/reply',
      { config: use, schema: { tags, summary: '答复来文单位 / Answer the sender', params: Id, body: ReplyInput, response: { 200: Done, ...errors } } },
      async (req) => (await service.reply(me(req), req.params.id, req.body.text, rid(req)), { id: req.params.id }),
    );
  };
}
