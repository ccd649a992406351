import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Lexicon } from './lexicon.ts';
import {
  ACTION_CODES,
  ActionBody,
  DraftInput,
  DraftSummary,
  DraftUpdate,
  DraftView,
  FindingView,
  LexiconQuery,
  ListQuery,
  Stepped,
  TermChange,
  TermInput,
  TermUpdate,
  TermView,
  WaiveBody,
} from './schema.ts';
import type { Drafts } from './service.ts';

const tags = ['政务公开 发布审核'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });
const Code = Type.Union(ACTION_CODES.map((c) => Type.Literal(c)));
const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item), next: Type.Union([Type.String(), Type.Null()]) });
/** Reading drafts is open to the department's editors, reviewers and leaders: the service decides per draft. */
const SIGNED_IN = { authenticated: true } as const;

/** 发布审核 over HTTP: drafts and their steps, findings waived as 误报, the sensitive-word list. */
export function reviewRoutes(drafts: Drafts, lexicon: Lexicon) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;

    app.post(
      '/api/openness/drafts',
      {
        config: { permission: 'openness.edit' },
        schema: { tags, summary: '拟稿：发布、修改或撤回一份文件 / Draft a publication, change or withdrawal', body: DraftInput, response: { 201: Saved, 503: ProblemSchema, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await drafts.create(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/openness/drafts',
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary: '稿件：我的稿件、待保密审查、待审批、本部门全部 / Drafts: mine, awaiting secrecy review, awaiting approval, my department',
          querystring: ListQuery,
          response: { 200: Page(DraftSummary), ...errors },
        },
      },
      async (req) => drafts.list(me(req), req.query),
    );
    app.get(
      '/api/openness/drafts/:id',
      {
        config: SIGNED_IN,
        schema: { tags, summary: '一份稿件：内容、检查结果、办理过程、可办理的动作 / One draft with its findings and history', params: Id, response: { 200: DraftView, ...errors } },
      },
      async (req) => drafts.view(me(req), req.params.id),
    );
    app.put(
      '/api/openness/drafts/:id',
      {
        config: { permission: 'openness.edit' },
        schema: { tags, summary: '修改稿件（仅拟稿环节）/ Edit a draft (while drafting)', params: Id, body: DraftUpdate, response: { 200: Saved, 503: ProblemSchema, ...errors } },
      },
      async (req) => drafts.update(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/openness/drafts/:id/actions/:code',
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary: '办理：提交（内容检查）、保密审查、领导审批（发布）、作废 / Take a step: submit (content check), secrecy review, approve (publish), discard',
          params: Type.Object({ id: Type.String({ format: 'uuid' }), code: Code }, { additionalProperties: false }),
          body: ActionBody,
          response: { 200: Stepped, 503: ProblemSchema, ...errors },
        },
      },
      async (req) => drafts.act(me(req), req.params.id, req.params.code, req.body, rid(req)),
    );
    app.post(
      '/api/openness/drafts/:id/findings/:findingId/waive',
      {
        config: { permission: 'openness.secrecy' },
        schema: {
          tags,
          summary: '认定误报（电话、地址；须写明理由）/ Waive a finding as a false alarm (phones, addresses; with a reason)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }), findingId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          body: WaiveBody,
          response: { 200: FindingView, ...errors },
        },
      },
      async (req) => drafts.waive(me(req), req.params.id, req.params.findingId, req.body, rid(req)),
    );

    app.get(
      '/api/openness/lexicon',
      { config: SIGNED_IN, schema: { tags, summary: '敏感词库 / The sensitive-word list', querystring: LexiconQuery, response: { 200: Page(TermView), ...errors } } },
      async (req) => lexicon.list(me(req), req.query),
    );
    app.post(
      '/api/openness/lexicon',
      { config: { permission: 'openness.manage' }, schema: { tags, summary: '新增敏感词 / Add a term', body: TermInput, response: { 201: TermView, ...errors } } },
      async (req, reply) => reply.status(201).send(await lexicon.add(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/openness/lexicon/changes',
      { config: { permission: 'openness.manage' }, schema: { tags, summary: '敏感词库修改记录 / Changes of the list', querystring: LexiconQuery, response: { 200: Page(TermChange), ...errors } } },
      async (req) => lexicon.changes(me(req), req.query),
    );
    app.put(
      '/api/openness/lexicon/:id',
      {
        config: { permission: 'openness.manage' },
        schema: { tags, summary: '修改或停用敏感词 / Change or switch off a term', params: Id, body: TermUpdate, response: { 200: TermView, ...errors } },
      },
      async (req) => lexicon.update(me(req), req.params.id, req.body, rid(req)),
    );
  };
}
