/**
 * 一网通办 under load, each HTTP figure beside its floors measured in the same run on the same
 * database (bench/floors.ts), with the CPU of this process per call:
 *
 *   submission:   POST /api/services/applications (schema-validated form, prefill from the account,
 *                 materials checked, encrypted form, action row, audit entry, event, notification)
 *                 raw: the same domain SQL in-process (BEGIN; INSERT the application with its number
 *                 and its first action row in one statement; COMMIT); bare: that transaction behind a
 *                 bare Fastify route; healthz: GET /healthz of the platform
 *   action:       POST …/actions 'accept' on distinct applications (row lock, workflow decision,
 *                 working-day deadlines, action row, audit, notification)
 *                 raw/bare: BEGIN; SELECT … FOR UPDATE; UPDATE the state; INSERT the action row; COMMIT
 *   search:       GET /api/services/items?q=… over 10,000 items (jieba + full-text index)
 *                 raw/bare: the SQL full-text query for the same words (in-process / bare route)
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { cstDate } from '../src/kernel/calendar/index.ts';
import { v7 as uuidv7 } from 'uuid';
import { matchesQuery, queryRank, searchVector } from '../src/kernel/search/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { DEMO_ITEMS } from '../seed/service-items.ts';
import { startProfile } from './profile.ts';
import { benchPlatform } from './baseline.ts';
import { submissionFixture } from './services-fixture.ts';
import { bareServer, httpMeasure, inProcessMeasure, type Measured } from './floors.ts';
import { record } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const run = promisify(execFile);

const { p, database, close } = await benchPlatform(CONNECTIONS);
const k = p.kernel;
const { dept, citizen, citizenToken, item, file, submitBody } = await submissionFixture(p);
await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.window',
  password: 'Bench2026pass',
  staff: { departmentId: dept.id, name: '窗口压测', employeeNo: 'B1', roles: ['window_staff'] },
});
const windowToken = (await p.identity.service.signIn('bench.window', 'Bench2026pass', 'bench')).token;

const app = await p.http();
p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const v = await k.db.selectFrom('services_item_version').select('id').where('item_id', '=', item.id).executeTakeFirstOrThrow();

// ── The floors' SQL: what the real paths write for the domain, nothing else ─────────────────────
// The form is encrypted once: a bare row must stay readable by the platform (the action measured
// on bare rows is not the platform's, but the rows sit in the same table).
const formEnc = k.crypto.encryptField(JSON.stringify({ shopName: '压测烧烤店', capital: 1000 }));
const materialsJson = JSON.stringify([{ code: 'premises', fileId: file.id }]);
/** One submission as the real path writes it: the application (number from the sequence) and its first action row, one statement in one transaction. */
const bareSubmit = () =>
  k.db.transaction().execute(async (trx) => {
    const now = new Date();
    const r = await sql<{ id: string }>`WITH main AS (
        INSERT INTO services_application (id, number, region_code, item_id, item_version_id, department_id, applicant_account_id, applicant_name,
          channel, submitted_by, state, form_enc, materials, submitted_at, state_entered_at, step_due_at, updated_at, commitment)
        VALUES (${uuidv7()}, ${`152201-SQ-${cstDate(now).replace(/-/g, '')}-`} || lpad(nextval('services_application_seq')::text, 6, '0'), '152201', ${item.id}, ${v.id},
          ${dept.id}, ${citizen.id}, '王建国', 'online', 'bench.bare', 'submitted', ${formEnc}, ${materialsJson}::jsonb, ${now}, ${now}, ${now}, ${now}, false)
        RETURNING id, region_code)
      INSERT INTO services_action (id, application_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, actor_roles, department_id, payload, at)
      SELECT ${uuidv7()}, m.id, m.region_code, 'submit', NULL, 'submitted', ${citizen.id}, 'person', '王建国', '{}', NULL, '{"channel":"online"}'::jsonb, ${now} FROM main m
      RETURNING application_id AS id`.execute(trx);
    return r.rows[0].id;
  });
/** One action as its floor: lock the row, move its state, append the action row, one transaction. */
const bareAct = (id: string) =>
  k.db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await sql<{ state: string; version: number; region_code: string }>`SELECT state, version, region_code FROM services_application WHERE id = ${id} FOR UPDATE`.execute(trx);
    const r = row.rows[0];
    await sql`UPDATE services_application SET state = 'review', version = ${r.version + 1}, state_entered_at = ${now}, updated_at = ${now} WHERE id = ${id}`.execute(trx);
    await sql`INSERT INTO services_action (id, application_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, actor_roles, department_id, payload, at)
      VALUES (${uuidv7()}, ${id}, ${r.region_code}, 'accept', ${r.state}, 'review', 'bench.bare', 'staff', '窗口压测', '{window_staff}', ${dept.id}, '{}'::jsonb, ${now})`.execute(trx);
  });
const search = (q: string) =>
  k.db
    .selectFrom('services_item as i')
    .select(['i.id', 'i.name'])
    .where('i.active', '=', true)
    .where(matchesQuery('i.search', q))
    .orderBy(queryRank('i.search', q), 'desc')
    .orderBy('i.id', 'desc')
    .limit(21)
    .execute();
const bare = await bareServer((b) => {
  b.post('/bare/applications', async (_req, reply) => reply.status(201).send({ id: await bareSubmit() }));
  // The path actions-client.ts drives, so the same client measures both.
  b.post<{ Params: { id: string } }>('/api/services/applications/:id/actions', async (req) => {
    await bareAct(req.params.id);
    return { id: req.params.id };
  });
  b.get<{ Querystring: { q: string } }>('/bare/items', async (req) => ({ items: await search(req.query.q) }));
});

/** An actions-client run (one action per id until all are used) as a Measured, CPU of this process included. */
async function measureActions(base: string, ids: string[]): Promise<Measured> {
  const cpu0 = process.cpuUsage();
  const out = await run(
    process.execPath,
    ['bin/run-ts.js', 'bench/actions-client.ts', JSON.stringify({ base, token: windowToken, ids, body: JSON.stringify({ action: 'accept' }), connections: CONNECTIONS })],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const c = process.cpuUsage(cpu0);
  const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as { ok: number; non2xx: number; errors: number; p50: number; p99: number; seconds: number };
  return { rate: r.ok / r.seconds, p50: r.p50, p99: r.p99, cpuUsPerCall: r.ok ? (c.user + c.system) / r.ok : 0, ok: r.ok, failed: r.non2xx + r.errors };
}
/** Several measurements (one per query) as one: calls and CPU summed, latencies the worst. */
function merged(ms: Measured[], seconds: number): Measured {
  const ok = ms.reduce((s, m) => s + m.ok, 0);
  const cpu = ms.reduce((s, m) => s + m.cpuUsPerCall * m.ok, 0);
  return { rate: ok / seconds, p50: Math.max(...ms.map((m) => m.p50)), p99: Math.max(...ms.map((m) => m.p99)), cpuUsPerCall: ok ? cpu / ok : 0, ok, failed: ms.reduce((s, m) => s + m.failed, 0) };
}

// Warm-up, as a running server is: the first calls compile the response serializers' schemas,
// and the JIT optimises a path only after it has run a while under load; a short run would charge
// that to the calls it measures. So each path (and its bare floor) first runs under the same load
// for BENCH_WARMUP seconds, unmeasured; the applications the warm-up submits are accepted by the
// warm-up of 受理, so the measured runs start from the same tables as before.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const body = submitBody;
const submitSpec = { method: 'POST' as const, headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/json' }, body, connections: CONNECTIONS };
await httpMeasure({ ...submitSpec, url: `${address}/api/services/applications`, seconds: WARMUP });
await httpMeasure({ url: `${bare.url}/bare/applications`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', seconds: WARMUP, connections: CONNECTIONS });
await httpMeasure({ url: `${address}/healthz`, seconds: WARMUP, connections: CONNECTIONS });
const warmIds = (await k.db.selectFrom('services_application').select('id').where('state', '=', 'submitted').where('submitted_by', '=', citizen.id).execute()).map((r) => r.id);
const warmBareIds = (await k.db.selectFrom('services_application').select('id').where('submitted_by', '=', 'bench.bare').execute()).map((r) => r.id);
await measureActions(address, warmIds.slice(0, 1500));
await measureActions(bare.url, warmBareIds.slice(0, 1500));

// ── 1. Submission ───────────────────────────────────────────────────────────────────────────────
const submitRaw = await inProcessMeasure(SECONDS, CONNECTIONS, () => bareSubmit());
const submitBare = await httpMeasure({ url: `${bare.url}/bare/applications`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', seconds: SECONDS, connections: CONNECTIONS });
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the submissions
// (BENCH_PROFILE_ACTION=file.cpuprofile during the 受理 actions).
let profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const submit = await httpMeasure({ ...submitSpec, url: `${address}/api/services/applications`, seconds: SECONDS });
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const healthz = await httpMeasure({ url: `${address}/healthz`, seconds: SECONDS, connections: CONNECTIONS });

// ── 2. One workflow action (受理) on each application the platform took ──────────────────────────
const ids = (await k.db.selectFrom('services_application').select('id').where('state', '=', 'submitted').where('submitted_by', '=', citizen.id).orderBy('id').limit(20_000).execute()).map((r) => r.id);
// The bare rows the warm-up moved to review are left out, so the floor also moves each row once.
const bareIds = (await k.db.selectFrom('services_application').select('id').where('submitted_by', '=', 'bench.bare').where('state', '=', 'submitted').orderBy('id').limit(20_000).execute()).map(
  (r) => r.id,
);
const actRaw = await inProcessMeasure(SECONDS, CONNECTIONS, (i) => bareAct(bareIds[(i + bareIds.length) % bareIds.length]));
const actBare = await measureActions(bare.url, bareIds.slice(0, Math.max(ids.length, 1)));
profiler = process.env.BENCH_PROFILE_ACTION ? await startProfile() : null;
const accept = await measureActions(address, ids);
if (profiler) await profiler.stop(process.env.BENCH_PROFILE_ACTION!);
const accepted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM services_application WHERE state = 'review' AND submitted_by = ${citizen.id}`.execute(k.db);
const audited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry WHERE object_type = 'services.application'`.execute(k.db);

// ── 3. Catalogue search over ITEMS items: loaded set-based (the catalogue's own columns and index) ─
const streets = (await k.db.selectFrom('org_region').select('name').where('parent_code', '=', '152201').execute()).map((r) => r.name);
const version = await k.db.selectFrom('services_item_version').select('content').where('item_id', '=', item.id).executeTakeFirstOrThrow();
for (let start = 0; start < ITEMS; start += 500) {
  const rows = [];
  const versions = [];
  for (let i = start; i < Math.min(ITEMS, start + 500); i++) {
    const d = DEMO_ITEMS[i % DEMO_ITEMS.length];
    const name = `${d.name}（${streets[i % streets.length]}${Math.floor(i / DEMO_ITEMS.length)}）`;
    const id = uuidv7();
    const now = new Date();
    rows.push({
      id,
      region_code: '152201',
      code: `B-${i}`,
      department_id: dept.id,
      current_version: 1,
      active: true,
      name,
      item_type: d.type,
      applicant_types: ['person'],
      life_events: d.life ?? [],
      enterprise_events: d.ent ?? [],
      promised_days: d.promised,
      visits: 0,
      handling: 'promised',
      search: searchVector(`${name} ${d.basis}`),
      created_at: now,
      updated_at: now,
    });
    versions.push({ id: uuidv7(), item_id: id, version: 1, content: JSON.stringify({ ...(version.content as object), name }), created_by: 'bench', created_at: now });
  }
  await k.db.insertInto('services_item').values(rows).execute();
  await k.db.insertInto('services_item_version').values(versions).execute();
}
await sql`ANALYZE services_item`.execute(k.db);
const QUERIES = ['养老保险', '食品经营许可', '个体工商户', '建设工程规划', '异地就医', '营业执照变更'];
const perQuery = Math.max(1, Math.round(SECONDS / QUERIES.length));
const searchSeconds = perQuery * QUERIES.length;
const searchRaw = await inProcessMeasure(searchSeconds, 4, (i) => search(QUERIES[(i + QUERIES.length) % QUERIES.length]));
const searchBare: Measured[] = [];
const searches: Measured[] = [];
for (const q of QUERIES) {
  searchBare.push(await httpMeasure({ url: `${bare.url}/bare/items?q=${encodeURIComponent(q)}`, seconds: perQuery, connections: 4 }));
  searches.push(await httpMeasure({ url: `${address}/api/services/items?q=${encodeURIComponent(q)}`, seconds: perQuery, connections: 4 }));
}
const healthz4 = await httpMeasure({ url: `${address}/healthz`, seconds: SECONDS, connections: 4 });

console.log(
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`submissions: ${submit.ok} ok, ${submit.failed} failed; actions: ${accept.ok} of ${ids.length} ok, ${accept.failed} failed`);
console.log(`applications accepted: ${accepted.rows[0].n}; audit entries for applications: ${audited.rows[0].n}`);
record('services', database.kind, [
  { name: 'application submission', ours: submit, raw: submitRaw, bare: submitBare, healthz, target: { of: 'bare', ratio: 0.5 } },
  { name: 'workflow action 受理', ours: accept, raw: actRaw, bare: actBare, healthz, target: { of: 'bare', ratio: 0.5 } },
  { name: `catalogue search (${ITEMS + 1} items, 4 connections)`, ours: merged(searches, searchSeconds), raw: searchRaw, bare: merged(searchBare, searchSeconds), healthz: healthz4 },
]);
await bare.close();
await close();
process.exit(0);
