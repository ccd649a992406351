import { Type, type Static } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { Binary, CodeLabel as Code, ProblemSchema, codeLabels as codes, download } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { CredentialIssuer } from './credential.ts';
import { LicensesErrors } from './errors.ts';
import type { Licences } from './licences.ts';
import {
  ControllerDocument,
  Credential,
  CredentialCheck,
  GRANT_SCOPES,
  GrantInput,
  GrantRow,
  HOLDER_TYPES,
  IssueInput,
  Issued,
  LICENCE_STATUSES,
  LicenceStats,
  LicenceSummary,
  LicenceType,
  LicenceTypeInput,
  ReviseInput,
  Seal,
  SealInput,
  StatusInput,
  UseRow,
  VerifyResult,
  Wallet as WalletView,
} from './schema.ts';
import type { Seals } from './seals.ts';
import type { LicenceTypes } from './types.ts';
import { USE_KINDS, type LicenceUses } from './uses.ts';
import type { Verifier } from './verify.ts';
import type { Wallet } from './wallet.ts';

const tags = ['licenses'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema };
/** The credential goes out already serialized, as JSON-LD. */
const credentialAnswer = { description: 'W3C Verifiable Credential', content: { 'application/vc+ld+json': { schema: Credential } } } as unknown as typeof Credential;
const MAX_PDF_BYTES = 5 * 1024 * 1024;

export interface LicensesParts {
  types: LicenceTypes;
  seals: Seals;
  licences: Licences;
  verifier: Verifier;
  wallet: Wallet;
  uses: LicenceUses;
  vc: CredentialIssuer;
  departmentName(id: string): Promise<string>;
  regionCode: string;
}

export function licensesRoutes(p: LicensesParts) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;
    // Verification by upload takes the PDF itself as the body.
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_req, body, done) => done(null, body));

    app.get(
      '/api/licenses/codes',
      { config: { public: true }, schema: { tags, summary: '证照代码表 / Licence code lists', response: { 200: Type.Record(Type.String(), Type.Array(Code)) } } },
      async () => ({
        statuses: codes(LICENCE_STATUSES),
        holderTypes: codes(HOLDER_TYPES),
        grantScopes: codes(GRANT_SCOPES),
        useKinds: codes(USE_KINDS),
      }),
    );

    // Types and seals (管理)
    app.get('/api/licenses/types', { config: { public: true }, schema: { tags, summary: '证照类型 / Licence types', response: { 200: Type.Array(LicenceType) } } }, async () => p.types.list());
    app.post(
      '/api/licenses/types',
      { config: { permission: 'licenses.manage' }, schema: { tags, summary: '新增或修改证照类型 / Save a licence type', body: LicenceTypeInput, response: { 200: LicenceType, ...errors } } },
      async (req) => p.types.save(me(req), req.body),
    );
    app.get('/api/licenses/seals', { config: { permission: 'licenses.read' }, schema: { tags, summary: '电子印章 / E-seals', response: { 200: Type.Array(Seal), ...errors } } }, async (req) =>
      p.seals.list(me(req)),
    );
    app.post(
      '/api/licenses/seals',
      { config: { permission: 'licenses.seals' }, schema: { tags, summary: '制作电子印章 / Make an e-seal', body: SealInput, response: { 201: Seal, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.seals.create(me(req), req.body)),
    );

    // Issuing and ending (发证、变更、撤销)
    app.post(
      '/api/licenses',
      { config: { permission: 'licenses.issue' }, schema: { tags, summary: '直接发证 / Issue a licence', body: IssueInput, response: { 201: Issued, ...errors } } },
      async (req, reply) => {
        const who = me(req);
        const issued = await p.licences.issueDirect(who, req.body, who.departmentId ? await p.departmentName(who.departmentId) : '', rid(req));
        return reply.status(201).send(issued);
      },
    );
    app.post(
      '/api/licenses/:id/revise',
      { config: { permission: 'licenses.issue' }, schema: { tags, summary: '变更换证（新版本）/ Reissue with changes', params: Id, body: ReviseInput, response: { 200: Issued, ...errors } } },
      async (req) => p.licences.revise(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/licenses/:id/status',
      { config: { permission: 'licenses.issue' }, schema: { tags, summary: '撤销、注销或吊销 / Annul, cancel or revoke', params: Id, body: StatusInput, response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        await p.licences.setStatus(me(req), req.params.id, req.body, rid(req));
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/licenses/issued',
      { config: { permission: 'licenses.issue' }, schema: { tags, summary: '本部门签发的证照 / Licences my department issued', response: { 200: Type.Array(LicenceSummary), ...errors } } },
      async (req) => {
        const who = me(req);
        const rows = await p.licences.issuedBy(who);
        return Promise.all(rows.map((r) => p.wallet.summary(r, false)));
      },
    );

    // Verification (公开核验)
    app.get(
      '/api/licenses/verify/:identifier',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '按证照标识核验 / Verify by identifier', params: Type.Object({ identifier: Type.String({ maxLength: 120 }) }), response: { 200: VerifyResult, ...errors } },
      },
      async (req) => p.verifier.byIdentifier(req.params.identifier, req.principal ?? null),
    );
    app.post(
      '/api/licenses/verify',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' }, documentedBody: Binary },
        bodyLimit: MAX_PDF_BYTES,
        schema: { tags, summary: '上传证照文件核验 / Verify a licence PDF', consumes: ['application/pdf'], response: { 200: VerifyResult, ...errors } },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw LicensesErrors.notPdf();
        return p.verifier.document(req.body, req.principal ?? null);
      },
    );
    app.get('/api/licenses/issuer', { config: { public: true }, schema: { tags, summary: '凭证签发方公钥文档 / Credential issuer key document', response: { 200: ControllerDocument } } }, async () =>
      p.vc.controllerDocument(),
    );
    app.post(
      '/api/licenses/credentials/verify',
      { config: { public: true }, schema: { tags, summary: '验证可验证凭证 / Verify a verifiable credential', body: Credential, response: { 200: CredentialCheck, ...errors } } },
      async (req) => p.wallet.checkCredential(req.body as Parameters<typeof p.wallet.checkCredential>[0]),
    );

    // Holder (证照夹)
    app.get('/api/licenses/mine', { config: { authenticated: true }, schema: { tags, summary: '我的证照 / My licences', response: { 200: WalletView, ...errors } } }, async (req) =>
      p.wallet.mine(me(req)),
    );
    app.get(
      '/api/licenses/mine/uses',
      { config: { authenticated: true }, schema: { tags, summary: '用证记录 / Uses of my licences', response: { 200: Type.Array(UseRow), ...errors } } },
      async (req) => p.wallet.useLog(me(req)),
    );
    app.get(
      '/api/licenses/mine/grants',
      { config: { authenticated: true }, schema: { tags, summary: '我的用证授权 / My authorisations', response: { 200: Type.Array(GrantRow), ...errors } } },
      async (req) => p.wallet.grants(me(req)),
    );
    app.get(
      '/api/licenses/:id',
      { config: { authenticated: true }, schema: { tags, summary: '证照详情（持证人）/ A licence (holder)', params: Id, response: { 200: LicenceSummary, ...errors } } },
      async (req) => p.wallet.detail(me(req), req.params.id),
    );
    app.get(
      '/api/licenses/:id/document',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '下载证照文件 / Download the sealed PDF',
          params: Id,
          querystring: Type.Object({ application: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
          response: { 200: download('application/pdf'), ...errors },
        },
      },
      async (req, reply) => {
        const doc = await p.wallet.document(me(req), req.params.id, req.query.application);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
        // A binary answer: the schema documents the bytes, the stream sends them.
        return reply.send(doc.stream as unknown as string);
      },
    );
    app.get(
      '/api/licenses/:id/credential',
      { config: { authenticated: true }, schema: { tags, summary: '导出可验证凭证 / Export as a W3C Verifiable Credential', params: Id, response: { 200: credentialAnswer, ...errors } } },
      async (req, reply) => {
        reply.header('content-type', 'application/vc+ld+json; charset=utf-8');
        // Already serialized: Fastify sends a string as it is.
        return JSON.stringify(await p.wallet.credential(me(req), req.params.id)) as unknown as Static<typeof credentialAnswer>;
      },
    );
    app.post(
      '/api/licenses/:id/grants',
      {
        config: { authenticated: true },
        schema: { tags, summary: '授权部门使用 / Authorise a department', params: Id, body: GrantInput, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...errors } },
      },
      async (req, reply) => reply.status(201).send(await p.wallet.grant(me(req), req.params.id, req.body, rid(req))),
    );
    app.delete(
      '/api/licenses/grants/:id',
      { config: { authenticated: true }, schema: { tags, summary: '撤回授权 / Withdraw an authorisation', params: Id, response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        await p.wallet.revokeGrant(me(req), req.params.id, rid(req));
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/licenses/:id/shared',
      { config: { permission: 'licenses.read' }, schema: { tags, summary: '经授权查看证照（部门）/ A licence shared with my department', params: Id, response: { 200: LicenceSummary, ...errors } } },
      async (req) => p.wallet.shared(me(req), req.params.id),
    );
    app.get('/api/licenses/stats', { config: { permission: 'licenses.read' }, schema: { tags, summary: '证照统计 / Licence figures', response: { 200: LicenceStats, ...errors } } }, async (req) =>
      p.licences.stats(me(req).regionCode || p.regionCode, p.uses),
    );
  };
}
