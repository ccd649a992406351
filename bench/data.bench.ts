/**
 * The data gateway, each figure beside a baseline measured in the same run on the same database:
 *
 *   lookup:  POST /api/gateway/v1/RK-POPULATION/verify over HTTP with a real client-credentials
 *            token (grant check, rate, blind index, usage record committed before the answer) vs
 *            the same lookup done directly in SQL from the same number of connections; the load
 *            comes from wrk when it is installed (Debian `wrk`), else autocannon. It also prints
 *            the CPU each path costs this process per call and how busy the whole machine was,
 *            since on a small machine the load generator, the server and PostgreSQL share cores;
 *            BENCH_NODES=n serves the lookups from n app nodes (PostgreSQL only)
 *   export:  POST …/export of the whole 200,000-person table as NDJSON (masked by grade) vs
 *            PostgreSQL `COPY … TO STDOUT` of the same columns (with psql), or on PGlite a bare
 *            SELECT of them
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { baseResources, loadSyntheticBase } from '../src/modules/data/index.ts';
import { benchPlatform } from './baseline.ts';
import { startProfile } from './profile.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
// BENCH_NODES=n (PostgreSQL only): the HTTP lookups are served by n identical app nodes on the one
// database, the load split evenly between them — how a bureau scales the gateway out.
const NODES = Math.max(1, Number(process.env.BENCH_NODES ?? 1));
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const run = promisify(execFile);

/** This process's CPU time and the whole machine's busy share over a phase of the run. */
function cpuMeter() {
  const busy = () => os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, all: a.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, all: 0 });
  const p0 = process.cpuUsage();
  const m0 = busy();
  return () => {
    const p1 = process.cpuUsage(p0);
    const m1 = busy();
    return { processUs: p1.user + p1.system, machineBusy: 1 - (m1.idle - m0.idle) / (m1.all - m0.all) };
  };
}
const perCall = (cpu: { processUs: number }, calls: number) => (cpu.processUs / calls).toFixed(0);
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
for (const code of ['GAJ', 'SCJG', 'FGW', 'ZWSJ', 'ZRZYJ', 'MZJ']) depts[code] = (await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name: `${code}部门` })).id;
const t0 = Date.now();
await loadSyntheticBase(k, { people: PEOPLE, entities: PEOPLE / 10 });
const loadSeconds = (Date.now() - t0) / 1000;
for (const r of baseResources((c) => depts[c], '152201')) await p.data.catalogue.register({ ...SYSTEM_PRINCIPAL, regionCode: '152201' }, r);
const today = new Date(k.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const bureau = { ...SYSTEM_PRINCIPAL, regionCode: '152201', departmentId: depts.ZWSJ };
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

// Baseline: the same lookup straight in SQL (blind index, name compare), same concurrency.
let direct = 0;
const directMs: number[] = [];
const directMeter = cpuMeter();
{
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; Date.now() < until; i += CONNECTIONS) {
        const who = people[i % people.length];
        const t0 = performance.now();
        await k.db.selectFrom('data_population').select('id').where('id_number_idx', '=', k.crypto.blindIndex(who.idNumber)).where('name', '=', who.name).limit(1).execute();
        directMs.push(performance.now() - t0);
        direct++;
      }
    }),
  );
}
const directRate = direct / SECONDS;
directMs.sort((a, b) => a - b);
const directPct = (q: number) => directMs[Math.min(directMs.length - 1, Math.floor(q * directMs.length))].toFixed(1);
const directCpu = directMeter();

// The gateway's own work without HTTP: grant check, blind index, the read and its usage record.
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
let inProcess = 0;
{
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; Date.now() < until; i += CONNECTIONS) {
        await p.data.gateway.lookup(principal, 'RK-POPULATION', people[i % people.length]);
        inProcess++;
      }
    }),
  );
}
const inProcessRate = inProcess / SECONDS;

const app = await p.http();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const tokenRes = await fetch(`${address}/oidc/token`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`${cred.clientId}:${cred.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials&scope=data.gateway',
});
const token = ((await tokenRes.json()) as { access_token: string }).access_token;
type Load = { ok: number; non2xx: number; errors: number; p50: number; p99: number; loader: string };
const nodes = database.kind === 'postgres' && NODES > 1 ? await startAppNodes(NODES - 1) : [];
const addresses = [address, ...nodes.map((n) => n.address)];
const loadOn = async (base: string, i: number): Promise<Load> => {
  const specFile = path.join(os.tmpdir(), `yw-data-bench-${process.pid}-${i}.json`);
  const share = Math.max(1, Math.round(CONNECTIONS / addresses.length));
  fs.writeFileSync(
    specFile,
    JSON.stringify({
      url: `${base}/api/gateway/v1/RK-POPULATION/verify`,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      bodies: people.map((x) => JSON.stringify({ values: x })),
      seconds: SECONDS,
      connections: share,
    }),
  );
  try {
    return JSON.parse((await run(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', `@${specFile}`], { encoding: 'utf8', maxBuffer: 64 << 20 })).stdout.trim().split('\n').pop()!) as Load;
  } finally {
    fs.rmSync(specFile, { force: true });
  }
};
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the lookups.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const gatewayMeter = cpuMeter();
const loads = await Promise.all(addresses.map(loadOn));
// Counts add up over the nodes; latencies are the worst node's.
const load: Load = {
  ok: sum(loads.map((l) => l.ok)),
  non2xx: sum(loads.map((l) => l.non2xx)),
  errors: sum(loads.map((l) => l.errors)),
  p50: Math.max(...loads.map((l) => l.p50)),
  p99: Math.max(...loads.map((l) => l.p99)),
  loader: loads[0].loader,
};
for (const n of nodes) n.stop();
const gatewayCpu = gatewayMeter();
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const gatewayRate = load.ok / SECONDS;
// The HTTP floor on this machine: the cheapest route under the same load (no token, no database).
const floor = JSON.parse(
  (await run(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', JSON.stringify({ url: `${address}/healthz`, seconds: SECONDS, connections: CONNECTIONS })], { encoding: 'utf8' })).stdout
    .trim()
    .split('\n')
    .pop()!,
) as { ok: number; p50: number };
const floorRate = floor.ok / SECONDS;
const usage = Number(
  (
    await k.db
      .selectFrom('data_usage')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('operation', '=', 'lookup')
      .executeTakeFirstOrThrow()
  ).n,
);

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
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement; ${PEOPLE} people loaded in ${loadSeconds.toFixed(1)} s (${(PEOPLE / loadSeconds).toFixed(0)} rows/s with SM4 + blind index)`,
);
console.log(`direct SQL lookup (blind index + name): ${directRate.toFixed(0)} /s  (p50 ${directPct(0.5)} ms, p99 ${directPct(0.99)} ms)`);
console.log(`gateway lookup in-process (grant, usage record): ${inProcessRate.toFixed(0)} /s  (${((inProcessRate / directRate) * 100).toFixed(1)} % of direct SQL)`);
console.log(
  `gateway verify (HTTP, token, grant, usage record): ${gatewayRate.toFixed(0)} req/s  (p50 ${load.p50} ms, p99 ${load.p99} ms, non-2xx ${load.non2xx}, errors ${load.errors}); usage records written: ${usage}`,
);
console.log(`ratio gateway / direct SQL:             ${((gatewayRate / directRate) * 100).toFixed(1)} %`);
if (nodes.length) console.log(`app nodes serving the HTTP lookups:     ${addresses.length} (the CPU figure below is this process's only)`);
console.log(
  `CPU of this process per call:           direct SQL ${perCall(directCpu, direct)} µs, gateway over HTTP ${perCall(gatewayCpu, load.ok)} µs; machine busy ${(directCpu.machineBusy * 100).toFixed(0)} % vs ${(gatewayCpu.machineBusy * 100).toFixed(0)} % of ${os.cpus().length} cores (load generator: ${load.loader})`,
);
console.log(`HTTP floor (GET /healthz, same load):    ${floorRate.toFixed(0)} req/s (p50 ${floor.p50} ms); gateway / floor ${((gatewayRate / floorRate) * 100).toFixed(1)} %`);
console.log(`gateway export (NDJSON, masked):         ${(exported / exportSeconds).toFixed(0)} rows/s  (${exported} rows in ${exportSeconds.toFixed(1)} s)`);
console.log(`${baselineLabel}: ${(PEOPLE / copySeconds).toFixed(0)} rows/s  (${copySeconds.toFixed(1)} s)`);
console.log(`ratio export / baseline:                 ${((exported / exportSeconds / (PEOPLE / copySeconds)) * 100).toFixed(1)} %`);
await close();
