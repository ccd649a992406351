/**
 * Scale-out: the same two paths served by 1, 2 and 3 identical app nodes (bench/app-node.ts) on one
 * PostgreSQL database, the load split evenly over the nodes' addresses (one load generator per node,
 * all at once), each figure beside the single node's:
 *
 *   read:        GET /api/services/applications/:id as the applicant (session lookup, the row, its
 *                action history, the item version, SM4 decryption of the form)
 *   submission:  POST /api/services/applications (as bench/services.bench.ts: validated form, prefill,
 *                materials checked, encrypted form, action row, audit entry, event, notification)
 *
 * Last, the ceiling no number of nodes moves: one row updated and committed by 4 writers at once, as
 * every audited change did with the one audit chain head; beside it the kernel's own head-locking
 * statement with one head and with lanes (each writer takes a free head), 4 and 16 writers.
 *
 * Per figure: calls per second, CPU of the app nodes per call, CPU of this run's PostgreSQL backends
 * per call (read from /proc, so the server must run on this machine to be counted), and how busy the
 * whole machine was. The first node also runs the workers (jobs, outbox, audit sealer); the others
 * serve HTTP only (`yiwang start --no-workers`), so the outbox work of every submission is counted.
 *
 * PostgreSQL only: embedded PGlite is one process and cannot be shared by several nodes.
 * env: DATABASE_URL (required), BENCH_SECONDS (10), BENCH_CONNECTIONS (16, the total over all nodes),
 * BENCH_NODES (3, the most nodes), BENCH_POOL (16, each node's database pool), BENCH_ROUNDS (1: how often
 * the sweep over 1…BENCH_NODES nodes is repeated; each node count keeps its best round), YIWANG_AUDIT_LANES
 * (the nodes' audit lanes; 1 = one chain head).
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { benchPlatform } from './baseline.ts';
import { submissionFixture } from './services-fixture.ts';
import { lockHeadSql } from '../src/kernel/audit/chain.ts';
import { ConfigSchema } from '../src/kernel/config/schema.ts';
import { openDatabase } from '../src/kernel/db/index.ts';
import { inProcessMeasure, type Measured } from './floors.ts';
import { record, type Figure } from './report.ts';
import type { LoadResult, LoadSpec } from './wrk.ts';

if (!process.env.DATABASE_URL) {
  console.error(
    'bench/scale.bench.ts measures several app nodes on one PostgreSQL database; embedded PGlite is one process and cannot be shared.\n' +
      'Set DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:scale',
  );
  process.exit(2);
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const MAX_NODES = Math.max(1, Number(process.env.BENCH_NODES ?? 3));
const POOL = Number(process.env.BENCH_POOL ?? 16);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
// The lanes the heads' figures compare with one head: the setting's default.
const LANES = ConfigSchema.properties.auditLanes.default;
// Linux reports process CPU in clock ticks; 100 a second on every distribution this runs on.
const TICKS = 100;

/**
 * Drives `spec` from a load generator in its own process, as floors.ts's httpMeasure does, but keeps
 * refused answers (non-2xx) apart from socket errors and timeouts.
 */
async function load(spec: LoadSpec): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `yw-scale-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  try {
    const out = await promisify(execFile)(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', `@${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return JSON.parse(out.stdout.trim().split('\n').pop()!) as LoadResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** CPU (user + system) of a process so far, in µs, or 0 when it is gone or not on this machine. */
function procCpuUs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1e6) / TICKS;
  } catch {
    return 0;
  }
}

/** The whole machine's busy and total CPU time so far (all cores), in ms. */
function machineTimes() {
  return os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, all: a.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, all: 0 });
}

const { p, database, keys, close } = await benchPlatform(4);
const k = p.kernel;

// The applicant, an item and a material, as bench/services.bench.ts sets them up.
const { citizenToken: token, submitBody } = await submissionFixture(p);

interface AppNode {
  url: string;
  pid: number;
  stop(): void;
}
/** Starts one app node on this run's schema and keys; `workers` also runs the jobs, outbox and sealer there. */
function startNode(workers: boolean): Promise<AppNode> {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/app-node.ts'], {
    env: { ...process.env, BENCH_SCHEMA: database.schema, BENCH_KEYS: JSON.stringify(keys), BENCH_CONNECTIONS: String(POOL), BENCH_WORKERS: workers ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ url: m[1], pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`app node exited (${code})`)));
  });
}

const nodes = await Promise.all(Array.from({ length: MAX_NODES }, (_, i) => startNode(i === 0)));
try {
  // One application to read back, submitted through the first node.
  const first = await fetch(`${nodes[0].url}/api/services/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: submitBody,
  });
  if (first.status !== 201 && first.status !== 200) throw new Error(`submission answered ${first.status}: ${await first.text()}`);
  const appId = ((await first.json()) as { id: string }).id;

  const paths: Record<'read' | 'submission', (url: string) => Omit<LoadSpec, 'seconds' | 'connections'>> = {
    read: (url) => ({ url: `${url}/api/services/applications/${appId}`, headers: { authorization: `Bearer ${token}` } }),
    submission: (url) => ({
      url: `${url}/api/services/applications`,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: submitBody,
    }),
  };
  const appName = `yiwang:${database.schema}`;
  /** CPU so far of each PostgreSQL backend serving this run's schema (every node's pool, and this process's). */
  const applications = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM services_application`.execute(k.db)).rows[0].n;
  const backendCpu = async () => {
    const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE application_name = ${appName}`.execute(k.db);
    return new Map(r.rows.map((x) => [x.pid, procCpuUs(x.pid)]));
  };

  /**
   * Waits (at most a minute) until the workers have delivered every due event and run every due job,
   * so that the CPU a call's background work costs is counted with its own measurement, not the
   * next one's. Returns the seconds it took.
   */
  const drain = async () => {
    const t0 = performance.now();
    for (;;) {
      const r = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM kernel_outbox WHERE delivered_at IS NULL AND next_at <= now())::int
             + (SELECT count(*) FROM kernel_job WHERE state IN ('pending', 'running') AND run_at <= now())::int AS n`.execute(k.db);
      if (r.rows[0].n === 0 || performance.now() - t0 > 60_000) return (performance.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  /** `which` path served by the first `n` nodes, the connections split evenly over them. */
  async function measure(which: keyof typeof paths, n: number, seconds: number): Promise<{ m: Measured; dbUs: number; busy: number; drained: number; stored: number; non2xx: number }> {
    const serving = nodes.slice(0, n);
    const share = (i: number) => Math.floor(CONNECTIONS / n) + (i < CONNECTIONS % n ? 1 : 0);
    const nodeCpu = () => nodes.reduce((s, x) => s + procCpuUs(x.pid), 0);
    const db0 = await backendCpu();
    const apps0 = await applications();
    const cpu0 = nodeCpu();
    const m0 = machineTimes();
    const runs = await Promise.all(serving.map((x, i) => load({ ...paths[which](x.url), seconds, connections: share(i) })));
    const drained = await drain();
    const stored = (await applications()) - apps0;
    const nodeUs = nodeCpu() - cpu0;
    const m1 = machineTimes();
    const db1 = await backendCpu();
    // A backend that appeared during the run spent all its CPU in it; one that ended is not counted.
    let dbUs = 0;
    for (const [pid, us] of db1) dbUs += us - (db0.get(pid) ?? 0);
    const ok = runs.reduce((s, r) => s + r.ok, 0);
    const m: Measured = {
      rate: ok / seconds,
      // Latencies are the worst node's.
      p50: Math.max(...runs.map((r) => r.p50)),
      p99: Math.max(...runs.map((r) => r.p99)),
      cpuUsPerCall: ok ? nodeUs / ok : 0,
      ok,
      failed: runs.reduce((s, r) => s + r.non2xx + r.errors, 0),
    };
    const non2xx = runs.reduce((s, r) => s + r.non2xx, 0);
    return { m, dbUs: ok ? dbUs / ok : 0, busy: 1 - (m1.idle - m0.idle) / (m1.all - m0.all), drained, stored, non2xx };
  }

  const cpus = os.cpus().length;
  console.log(
    `database: postgres, ${CONNECTIONS} connections in all (split over the nodes), ${SECONDS} s per measurement, each node's pool ${POOL}; ${cpus} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (cpus <= MAX_NODES + 1)
    console.log(
      `note: ${cpus} cores are shared by the load generators, up to ${MAX_NODES} app nodes and PostgreSQL: more nodes cannot add CPU here. ` +
        'What the figures show is what running more nodes costs (CPU per call, coordination through the one database), not what more machines would add.',
    );

  const figures: Figure[] = [];
  for (const which of ['read', 'submission'] as const) {
    // Warm every node's code paths and caches first (JIT, session and item-version caches).
    await Promise.all(nodes.map((x) => load({ ...paths[which](x.url), seconds: 1, connections: 2 })));
    await drain();
    // On a shared machine a neighbour's burst can halve one run: each node count keeps its best round.
    const best: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (let n = 1; n <= MAX_NODES; n++) {
        const r = await measure(which, n, SECONDS);
        if (!best[n - 1] || r.m.rate > best[n - 1].m.rate) best[n - 1] = r;
      }
    const single = best[0].m;
    for (let n = 1; n <= MAX_NODES; n++) {
      const { m, dbUs, busy, drained, stored, non2xx } = best[n - 1];
      figures.push({
        name: `${which}, ${n} node${n > 1 ? 's' : ''}`,
        ours: m,
        ...(n > 1 ? { baseline: { name: `${which}, 1 node`, m: single } } : {}),
        detail: {
          'database µs/call': dbUs,
          'machine busy %': busy * 100,
          'background drained in s': drained,
          'non-2xx': non2xx,
          'socket errors and timeouts': m.failed - non2xx,
          ...(which === 'submission' ? { 'applications stored': stored } : {}),
          'load 1 min': os.loadavg()[0],
        },
      });
    }
  }

  // The one serial point no number of nodes moves: every audited change takes the one-row chain
  // head and holds it until it commits. Concurrent one-row UPDATEs of one row, each committed (a WAL
  // flush), measure the most such transactions per second this database can do, whatever they do
  // besides.
  await sql`CREATE TABLE bench_head (id integer PRIMARY KEY, n bigint NOT NULL)`.execute(k.db);
  await sql`INSERT INTO bench_head VALUES (1, 0)`.execute(k.db);
  const serial = await inProcessMeasure(SECONDS, 4, () => sql`UPDATE bench_head SET n = n + 1 WHERE id = 1`.execute(k.db));
  figures.push({ name: 'audit-head ceiling: one-row update + commit, 4 writers', ours: serial });
  // What an audited write does with the heads, alone: the kernel's own lock statement (lockHeadSql,
  // on a table of the same shape), the head moved, the commit, in one transaction. With one lane
  // every writer waits for the one row; with lanes each takes a free head.
  await sql`CREATE TABLE bench_lane (id smallint PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`.execute(k.db);
  for (const writers of [4, 16]) {
    // A connection per writer, as the app nodes' pools give each request.
    const own = await openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: database.schema, poolSize: writers });
    for (const lanes of [1, LANES]) {
      const m = await inProcessMeasure(SECONDS, writers, () =>
        own.db.transaction().execute(async (trx) => {
          const head = (await lockHeadSql({ lanes }, 'bench_lane').execute(trx)).rows[0];
          await sql`UPDATE bench_lane SET seq = seq + 1 WHERE id = ${head.id}`.execute(trx);
        }),
      );
      figures.push({
        name: `audit heads: lock, move, commit; ${writers} writers, ${lanes === 1 ? 'one head' : `${lanes} lanes`}`,
        ours: m,
        detail: { 'lanes used': Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_lane WHERE seq > 0 AND id < ${lanes}`.execute(k.db)).rows[0].n) },
      });
      await sql`UPDATE bench_lane SET seq = 0`.execute(k.db);
    }
    await own.close();
  }

  // Nothing may be lost between nodes: every stored application has its audit entry. (A figure's
  // `applications stored` exceeds its `ok` by the calls still in flight when the load generator
  // stopped, at most one per connection, and by those it gave up on — wrk waits 2 s.)
  const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM services_application`.execute(k.db);
  const audited = await sql<{ n: number }>`SELECT count(DISTINCT object_id)::int AS n FROM kernel_audit_entry WHERE object_type = 'services.application'`.execute(k.db);
  record('scale', 'postgres', figures);
  console.log(`applications stored: ${stored.rows[0].n}; applications with an audit entry: ${audited.rows[0].n}`);
} finally {
  for (const x of nodes) x.stop();
  await close();
}
process.exit(0);
