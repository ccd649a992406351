/**
 * Single sign-on endpoints, each beside its floors (bench/floors.ts), measured in one run:
 *
 *   client-credential token  POST /oidc/token, client credentials (client lookup, secret check, token
 *                            stored) — target ≥ 50 % of GET /healthz;
 *                            raw: the client lookup and the token row insert, in this process;
 *                            bare: a bare Fastify route doing that SQL for the same request.
 *   userinfo                 GET /oidc/me with a user's access token (token and account looked up);
 *                            raw and bare: the token row and the account read.
 *
 * Uses DATABASE_URL when set, else embedded PGlite. BENCH_SECONDS, BENCH_CONNECTIONS as elsewhere;
 * BENCH_PROFILE=file.cpuprofile records the server's CPU during the token load (file.userinfo.cpuprofile
 * during userinfo).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as oidc from 'openid-client';
import { loadConfig } from '../src/kernel/config/index.ts';
import { generateKeys } from '../src/kernel/crypto/index.ts';
import { openTestDatabase } from '../src/kernel/db/index.ts';
import { createPlatform } from '../src/platform.ts';
import { loadRegions } from '../src/modules/org/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { identityDb } from '../src/modules/identity/tables.ts';
import { CookieBrowser } from '../src/testing/cookie-browser.ts';
import { bareServer, httpMeasure, inProcessMeasure, type Measured } from './floors.ts';
import { startProfile } from './profile.ts';
import { record, type Figure } from './report.ts';
import type { LoadSpec } from './wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

const port = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const database = await openTestDatabase(CONNECTIONS);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-bench-'));
const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, port, publicUrl: base, rateLimitPerMinute: 10_000_000, authRateLimitPerMinute: 10_000_000 }, dataDir);
const p = await createPlatform({ config, database, keys: generateKeys() });
await p.migrate();
await p.kernel.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'BENCH', name: '压测部门' });
await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.user',
  password: 'Bench2026pass',
  staff: { departmentId: dept.id, name: '压测员', employeeNo: 'B1', roles: ['approver'] },
});
const sys = await p.identity.clients.create(SYSTEM_PRINCIPAL, {
  clientId: 'bench-sys',
  name: '压测系统',
  confidential: true,
  redirectUris: [],
  grantTypes: ['client_credentials'],
  scopes: ['org.read'],
  accountTypes: [],
});
const rp = await p.identity.clients.create(SYSTEM_PRINCIPAL, {
  clientId: 'bench-rp',
  name: '压测应用',
  confidential: true,
  redirectUris: ['http://127.0.0.1:9/cb'],
  grantTypes: ['authorization_code'],
  scopes: ['openid', 'profile', 'org'],
  accountTypes: ['staff'],
});
const app = await p.http();
p.startWorkers();
await app.listen({ port, host: '127.0.0.1' });

// One real code flow to get a user's access token for userinfo.
const cfg = await oidc.discovery(new URL(`${base}/oidc`), 'bench-rp', undefined, oidc.ClientSecretBasic(rp.secret!), { execute: [oidc.allowInsecureRequests] });
const verifier = oidc.randomPKCECodeVerifier();
const authUrl = oidc.buildAuthorizationUrl(cfg, {
  redirect_uri: 'http://127.0.0.1:9/cb',
  scope: 'openid profile org',
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state: 's',
});
const browser = new CookieBrowser();
let hop = await browser.follow(authUrl, base);
const login = await (await browser.request(`${hop.url.href}/password`, { json: { username: 'bench.user', password: 'Bench2026pass' } })).json();
hop = await browser.follow(new URL(login.redirectTo, base), base);
const consent = await (await browser.request(`${hop.url.href}/consent`, { json: {} })).json();
hop = await browser.follow(new URL(consent.redirectTo, base), base);
const tokens = await oidc.authorizationCodeGrant(cfg, hop.url, { pkceCodeVerifier: verifier, expectedState: 's' });
const userAccountId = (await identityDb(p.kernel.db).selectFrom('identity_account').select('id').where('username', '=', 'bench.user').executeTakeFirstOrThrow()).id;

const db = identityDb(p.kernel.db);
const basic = `Basic ${Buffer.from(`bench-sys:${sys.secret}`).toString('base64')}`;
const form = 'grant_type=client_credentials&scope=org.read';

/** The token path's SQL and nothing else: read the client, store a token row like the provider's. */
async function tokenSql(clientId: string, scope: string) {
  const client = await db.selectFrom('identity_oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!client) return null;
  const id = randomBytes(32).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = { iat: now, exp: now + 3600, clientId, kind: 'ClientCredentials', jti: id, scope, extra: {} };
  await db
    .insertInto('identity_oidc_payload')
    .values({ kind: 'ClientCredentials', id, payload: JSON.stringify(payload), grant_id: null, uid: null, user_code: null, account_id: null, expires_at: new Date((now + 3600) * 1000) })
    .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ payload: JSON.stringify(payload) }))
    .execute();
  return { access_token: id, expires_in: 3600, token_type: 'Bearer', scope };
}

/** The userinfo path's SQL: the access token's row, then the account. */
async function userinfoSql(token: string) {
  const row = await db.selectFrom('identity_oidc_payload').select(['payload', 'expires_at', 'consumed_at']).where('kind', '=', 'AccessToken').where('id', '=', token).executeTakeFirst();
  if (!row) return null;
  const sub = (row.payload as { accountId: string }).accountId;
  const acc = await db
    .selectFrom('identity_account')
    .select(['id', 'kind', 'display_name', 'staff_id', 'region_code', 'active', 'assurance_level', 'phone_masked'])
    .where('id', '=', sub)
    .executeTakeFirst();
  return acc ? { sub, name: acc.display_name, account_type: acc.kind, assurance_level: acc.assurance_level } : null;
}
if (!(await userinfoSql(tokens.access_token)) || userAccountId === '') throw new Error('userinfo floor: the access token is not stored as expected');

const bare = await bareServer((b) => {
  b.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  b.post('/token', async (req, reply) => {
    const f = req.body as Record<string, string>;
    const [id] = Buffer.from(String(req.headers.authorization ?? '').slice(6), 'base64')
      .toString()
      .split(':');
    const out = await tokenSql(id, f.scope ?? '');
    return out ?? reply.code(401).send({ error: 'invalid_client' });
  });
  b.get('/me', async (req, reply) => {
    const out = await userinfoSql(String(req.headers.authorization ?? '').slice(7));
    return out ?? reply.code(401).send({ error: 'invalid_token' });
  });
});

const load = (url: string, extra: Partial<LoadSpec> = {}): Promise<Measured> => httpMeasure({ url, seconds: SECONDS, connections: CONNECTIONS, ...extra });
const tokenSpec: Partial<LoadSpec> = { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: form };
const meSpec: Partial<LoadSpec> = { headers: { authorization: `Bearer ${tokens.access_token}` } };
const profiled = async <T>(file: string | undefined, f: () => Promise<T>): Promise<T> => {
  const profiler = file ? await startProfile() : null;
  try {
    return await f();
  } finally {
    if (profiler) await profiler.stop(file!);
  }
};

// Warm-up, as a running server is: every path and floor under the same load for BENCH_WARMUP
// seconds, unmeasured, so the JIT has optimised them before the measured runs (a cold first run
// swung the token's CPU per call by half between runs).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
for (const [url, spec] of [
  [`${base}/healthz`, {}],
  [`${bare.url}/token`, tokenSpec],
  [`${base}/oidc/token`, tokenSpec],
  [`${bare.url}/me`, meSpec],
  [`${base}/oidc/me`, meSpec],
] as const)
  await httpMeasure({ url, seconds: WARMUP, connections: CONNECTIONS, ...spec });

const healthz = await load(`${base}/healthz`);
const tokenRaw = await inProcessMeasure(SECONDS, CONNECTIONS, () => tokenSql('bench-sys', 'org.read'));
const tokenBare = await load(`${bare.url}/token`, tokenSpec);
const token = await profiled(process.env.BENCH_PROFILE, () => load(`${base}/oidc/token`, tokenSpec));
const meRaw = await inProcessMeasure(SECONDS, CONNECTIONS, () => userinfoSql(tokens.access_token!));
const meBare = await load(`${bare.url}/me`, meSpec);
const me = await profiled(process.env.BENCH_PROFILE?.replace(/(\.cpuprofile)?$/, '.userinfo.cpuprofile'), () => load(`${base}/oidc/me`, meSpec));
for (const [name, m] of [
  ['token', token],
  ['userinfo', me],
] as const)
  if (m.failed) console.log(`${name}: ${m.failed} calls failed`);

console.log(
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s each; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const figures: Figure[] = [
  { name: 'client-credential token', ours: token, raw: tokenRaw, bare: tokenBare, healthz, target: { of: 'healthz', ratio: 0.5 } },
  { name: 'userinfo', ours: me, raw: meRaw, bare: meBare, healthz },
];
record('sso', database.kind, figures);
await bare.close();
await p.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
