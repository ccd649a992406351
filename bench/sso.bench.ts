/**
 * Single sign-on endpoints vs the platform's plainest route, measured in one run on one machine.
 *
 *   baseline: GET /healthz (HTTP stack, no database)
 *   ours:     POST /oidc/token, client credentials (client lookup, secret check, token stored)
 *             GET  /oidc/me, userinfo with a user's access token (token and account looked up)
 *
 * Uses DATABASE_URL when set, else embedded PGlite. BENCH_SECONDS, BENCH_CONNECTIONS as elsewhere.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as oidc from 'openid-client';
import { loadConfig } from '../src/kernel/config/index.ts';
import { generateKeys } from '../src/kernel/crypto/index.ts';
import { openTestDatabase } from '../src/kernel/db/index.ts';
import { createPlatform } from '../src/platform.ts';
import { loadRegions } from '../src/modules/org/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { CookieBrowser } from '../src/testing/cookie-browser.ts';
import { startProfile } from './profile.ts';

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

type Result = { ok: number; non2xx: number; errors: number; p50: number; p99: number };
const load = async (spec: Record<string, unknown>): Promise<Result> => {
  const out = await promisify(execFile)(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, ...spec })], { encoding: 'utf8' });
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Result;
};
const health = await load({ url: `${base}/healthz` });
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU on the token endpoint.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const token = await load({
  url: `${base}/oidc/token`,
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`bench-sys:${sys.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials&scope=org.read',
});
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const userinfo = await load({ url: `${base}/oidc/me`, headers: { authorization: `Bearer ${tokens.access_token}` } });

const rate = (r: Result) => r.ok / SECONDS;
const line = (name: string, r: Result) =>
  console.log(
    `${name.padEnd(34)} ${rate(r).toFixed(0).padStart(6)} req/s  (p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors})  ratio ${((rate(r) / rate(health)) * 100).toFixed(1)} %`,
  );
console.log(`database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s each; ratios against GET /healthz`);
line('GET /healthz (baseline)', health);
line('POST /oidc/token (client credentials)', token);
line('GET /oidc/me (userinfo)', userinfo);
await p.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
