/**
 * The data gateway, each figure beside a baseline measured in the same run on the same database:
 *
 *   verify:  POST /api/gateway/v1/RK-POPULATION/verify over HTTP with a real client-credentials
 *            token (grant check, rate, blind index, usage record committed before the answer),
 *            beside its floors (bench/floors.ts): raw, the blind-index lookup and a usage-row insert
 *            in this process; bare, a bare Fastify route doing that SQL; GET /healthz. Target: ≥ 60 %
 *            of bare. Also the gateway's lookup in process (no HTTP) against raw. Each with the CPU
 *            this process spends per call; the load comes from wrk when it is installed (Debian
 *            `wrk`), else autocannon. BENCH_NODES=n serves the lookups from n app nodes (PostgreSQL
 *            only)
 *   export:  POST …/export of the whole 200,000-person table as NDJSON (masked by grade) vs
 *            PostgreSQL `COPY … TO STDOUT` of the same columns (with psql), or on PGlite a bare
 *            SELECT of them
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile, spawn } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { baseResources, loadSyntheticBase } from '../src/modules/data/index.ts';
import { benchPlatform } from './baseline.ts';
import { v7 as uuidv7 } from 'uuid';
import { bareServer, httpMeasure, inProcessMeasure, type Measured } from './floors.ts';
import { startProfile } from './profile.ts';
import { record, type Figure } from './report.ts';
import type { LoadSpec } from './wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
// BENCH_NODES=n (PostgreSQL only): the HTTP lookups are served by n identical app nodes on the one
// database, the load split evenly between them — how a bureau scales the gateway out.
const NODES = Math.max(1, Number(process.env.BENCH_NODES ?? 1));
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const run = promisify(execFile);

/** How busy the whole machine was over a phase of the run (the load generator, the server and PostgreSQL share its cores). */
function machineMeter() {
  const busy = () => os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, all: a.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, all: 0 });
  const m0 = busy();
  return () => {
    const m1 = busy();
    return 1 - (m1.idle - m0.idle) / (m1.all - m0.all);
  };
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Further app nodes (bench/app-node.ts) on this run's schema and keys. */
async function startAppNodes(n: number) {
  return Promise.all(
    Array.from({ length: n }, () => {
      const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/app-node.ts'], {
        env: { ...process.env, BENCH_SCHEMA: database.schema, BENCH_KEYS: JSON.stringify(keys), BENCH_CONNECTIONS: String(CONNECTIONS) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return new Promise<{ address: string; stop: () => void }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening (\S+)/.exec(out);
          if (m) resolve({ address: m[1], stop: () => child.kill('SIGTERM') });
        });
        child.once('exit', (code) => reject(new Error(`app node exited (${code})`)));
      });
    }),
  );
}

const { p, database, keys, close } = await benchPlatform(CONNECTIONS);
const k = p.kernel;
const depts: Record<string, string> = {};
for (const code of ['GAJ', 'SCJG', 'FGW', 'ZWSJ', 'ZRZYJ', 'MZJ', 'CLH', 'RSJ'])
  depts[code] = (await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name: `${code}部门` })).id;
const t0 = Date.now();
await loadSyntheticBase(k, { people: PEOPLE, entities: PEOPLE / 10 });
const loadSeconds = (Date.now() - t0) / 1000;
for (const r of baseResources((c) => depts[c], '152201')) await p.data.catalogue.register({ ...SYSTEM_PRINCIPAL, regionCode: '152201' }, r);
const today = new Date(k.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
// The data bureau's administrator decides both steps (the provider's and the bureau's) for the bench.
const bureau = { ...SYSTEM_PRINCIPAL, regionCode: '152201', departmentId: depts.ZWSJ, roles: ['data_admin'] };
const req = await p.data.requests.create(
  { ...bureau, departmentId: depts.MZJ },
  { resourceCode: 'RK-POPULATION', systemName: '压测系统', purpose: '身份核验压测', legalBasis: '压测', items: ['idNumber', 'name'], periodFrom: today, periodTo: today },
);
await p.data.requests.decide(bureau, req.id, { decision: 'approve' });
await p.data.requests.decide(bureau, req.id, { decision: 'approve' });
const cred = await p.data.requests.credentials({ ...bureau, departmentId: depts.MZJ }, req.id);
// A grant's default rate (6,000 calls a minute) would refuse most of this load; the bench measures capacity.
await k.db.updateTable('data_grant').set({ rate_per_minute: 10_000_000 }).where('client_id', '=', cred.clientId).execute();

// People to look up: half real (match), half with a wrong name (no match).
const sample = await k.db
  .selectFrom('data_population')
  .select(['id_number_enc', 'name'])
  .orderBy(sql`random()`)
  .limit(2000)
  .execute();
const people = sample.map((s, i) => ({ idNumber: k.crypto.decryptField(s.id_number_enc!), name: i % 2 ? s.name! : `${s.name}甲` }));

const grant = await k.db.selectFrom('data_grant').selectAll().where('client_id', '=', cred.clientId).executeTakeFirstOrThrow();
const resource = await p.data.catalogue.get('RK-POPULATION');

/**
 * The verify path's SQL and nothing else: the blind-index lookup, then one usage row for the call
 * (written on its own, where the gateway groups the rows of calls arriving together).
 */
async function verifySql(who: { idNumber: string; name: string }) {
  const rows = await k.db.selectFrom('data_population').select('id').where('id_number_idx', '=', k.crypto.blindIndex(who.idNumber.toUpperCase())).where('name', '=', who.name).limit(1).execute();
  await k.db
    .insertInto('data_usage')
    .values({
      id: uuidv7(),
      grant_id: grant.id,
      resource_id: resource.id,
      region_code: resource.regionCode,
      client_id: grant.client_id,
      operation: 'lookup',
      purpose: grant.purpose,
      items: [],
      row_count: rows.length,
      outcome: 'ok',
      at: new Date(),
    })
    .execute();
  return { match: rows.length > 0 };
}

// raw: the same SQL in this process, from the same number of connections.
const raw = await inProcessMeasure(SECONDS, CONNECTIONS, (i) => verifySql(people[Math.max(0, i) % people.length]));

// The gateway's own work without HTTP: grant check, rate, blind index, the read and its usage record.
const principal = {
  accountId: `client:${cred.clientId}`,
  type: 'client' as const,
  name: 'bench',
  regionCode: '152201',
  departmentId: null,
  roles: [],
  permissions: new Set(['data.gateway']),
  sessionId: null,
};
const inProcess = await inProcessMeasure(SECONDS, CONNECTIONS, (i) => p.data.gateway.lookup(principal, 'RK-POPULATION', people[Math.max(0, i) % people.length]));

const app = await p.http();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const tokenRes = await fetch(`${address}/oidc/token`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`${cred.clientId}:${cred.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials&scope=data.gateway',
});
const token = ((await tokenRes.json()) as { access_token: string }).access_token;
const bodies = people.map((x) => JSON.stringify({ values: x }));
const verifySpec = (base: string, connections = CONNECTIONS): LoadSpec => ({
  url: `${base}/api/gateway/v1/RK-POPULATION/verify`,
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  bodies,
  seconds: SECONDS,
  connections,
});

// bare: a bare Fastify route doing the same SQL for the same request, no token, no grant, no hooks.
const bare = await bareServer((b) => {
  b.post('/api/gateway/v1/RK-POPULATION/verify', async (req) => verifySql((req.body as { values: { idNumber: string; name: string } }).values));
});
const bareM = await httpMeasure(verifySpec(bare.url));
await bare.close();
const healthz = await httpMeasure({ url: `${address}/healthz`, seconds: SECONDS, connections: CONNECTIONS });

const nodes = database.kind === 'postgres' && NODES > 1 ? await startAppNodes(NODES - 1) : [];
const addresses = [address, ...nodes.map((n) => n.address)];
const usageCount = async () =>
  Number(
    (
      await k.db
        .selectFrom('data_usage')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const usageBefore = await usageCount();
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the lookups.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const machine = machineMeter();
const parts = await Promise.all(addresses.map((a) => httpMeasure(verifySpec(a, Math.max(1, Math.round(CONNECTIONS / addresses.length))))));
const machineBusy = machine();
for (const n of nodes) n.stop();
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
// Counts add up over the nodes; latencies are the worst node's; CPU is this process's only.
const okAll = sum(parts.map((m) => m.ok));
const gateway: Measured = {
  rate: sum(parts.map((m) => m.rate)),
  p50: Math.max(...parts.map((m) => m.p50)),
  p99: Math.max(...parts.map((m) => m.p99)),
  cpuUsPerCall: okAll ? (parts[0].cpuUsPerCall * parts[0].ok) / okAll : 0,
  ok: okAll,
  failed: sum(parts.map((m) => m.failed)),
};
const usage = (await usageCount()) - usageBefore;

// Export: the whole table through the gateway, then the database's own bulk path.
let t = performance.now();
const res = await fetch(`${address}/api/gateway/v1/RK-POPULATION/export`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
let exported = 0;
const decoder = new TextDecoder();
for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) exported += (decoder.decode(chunk, { stream: true }).match(/\n/g) ?? []).length;
const exportSeconds = (performance.now() - t) / 1000;
t = performance.now();
let baselineLabel: string;
if (database.kind === 'postgres') {
  const table = `${database.schema ?? 'public'}.data_population`;
  const out = await run('psql', [process.env.DATABASE_URL!, '-c', `COPY (SELECT id, id_number_masked, name FROM ${table} ORDER BY id) TO STDOUT`], { encoding: 'utf8', maxBuffer: 1 << 30 });
  baselineLabel = `PostgreSQL COPY TO STDOUT (psql): ${out.stdout.split('\n').length - 1} rows`;
} else {
  const rows = await sql`SELECT id, id_number_masked, name FROM data_population ORDER BY id`.execute(k.db);
  baselineLabel = `bare SELECT (PGlite has no COPY to a client): ${rows.rows.length} rows`;
}
const copySeconds = (performance.now() - t) / 1000;

console.log(
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement; ${PEOPLE} people loaded in ${loadSeconds.toFixed(1)} s (${(PEOPLE / loadSeconds).toFixed(0)} rows/s with SM4 + blind index); load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `usage records written by the HTTP lookups: ${usage} (answered ${gateway.ok}); machine busy during the HTTP lookups ${(machineBusy * 100).toFixed(0)} % of ${os.cpus().length} cores${nodes.length ? `; ${addresses.length} app nodes (CPU per call is this process's only)` : ''}`,
);
if (gateway.failed) console.log(`gateway verify: ${gateway.failed} calls failed`);
console.log(`gateway export (NDJSON, masked):         ${(exported / exportSeconds).toFixed(0)} rows/s  (${exported} rows in ${exportSeconds.toFixed(1)} s)`);
console.log(`${baselineLabel}: ${(PEOPLE / copySeconds).toFixed(0)} rows/s  (${copySeconds.toFixed(1)} s)`);
const rows = (n: number, s: number): Measured => ({ rate: n / s, p50: 0, p99: 0, cpuUsPerCall: 0, ok: n, failed: 0 });
const figures: Figure[] = [
  { name: 'gateway verify', ours: gateway, raw, bare: bareM, healthz, target: { of: 'bare', ratio: 0.6 } },
  { name: 'gateway lookup in process', ours: inProcess, raw },
  { name: 'gateway export (rows)', ours: rows(exported, exportSeconds), raw: rows(PEOPLE, copySeconds) },
];
record('data', database.kind, figures);
await close();
