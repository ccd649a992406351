/**
 * 一网通办 under load, each figure beside a baseline measured in the same run on the same database:
 *
 *   submission:   POST /api/services/applications (schema-validated form, prefill from the account,
 *                 materials checked, encrypted form, action row, audit entry, event, notification)
 *                 vs the raw single-row INSERT rate from the same number of connections
 *   action:       POST …/actions 'accept' on distinct applications (row lock, workflow decision,
 *                 working-day deadlines, action row, audit, notification) vs the same raw rate
 *   search:       GET /api/services/items?q=… over 10,000 items (jieba + full-text index)
 *                 vs the bare SQL full-text query for the same words, run directly
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { makeCitizenId } from '../src/kernel/ids/index.ts';
import { matchesQuery, queryRank, searchVector } from '../src/kernel/search/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { populationRow } from '../src/modules/data/index.ts';
import { itemContent } from '../src/testing/services.ts';
import { samplePdf } from '../src/testing/samples.ts';
import { DEMO_ITEMS } from '../seed/service-items.ts';
import { startProfile } from './profile.ts';
import { benchPlatform, rawInsertRate } from './baseline.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const run = promisify(execFile);

const { p, database, close } = await benchPlatform(CONNECTIONS);
const k = p.kernel;
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'SCJG', name: '市场监督管理局' });
await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.window',
  password: 'Bench2026pass',
  staff: { departmentId: dept.id, name: '窗口压测', employeeNo: 'B1', roles: ['window_staff'] },
});
const windowToken = (await p.identity.service.signIn('bench.window', 'Bench2026pass', 'bench')).token;
const idNumber = makeCitizenId('152201', '1985-06-15', 31);
await k.db
  .insertInto('data_population')
  .values(populationRow(k, { name: '王建国', idNumber, regionCode: '152201' }))
  .execute();
const citizen = await p.identity.people.createVerified({ username: 'bench.citizen', password: 'Bench2026pass', phone: '13904829999', name: '王建国', idNumber });
const citizenToken = (await p.identity.service.signIn('bench.citizen', 'Bench2026pass', 'bench')).token;
const item = await p.services.catalogue.create(SYSTEM_PRINCIPAL, { code: 'XK-BENCH', regionCode: '152201', content: itemContent(dept.id) });
const file = await k.db
  .transaction()
  .execute((trx) => k.files.save(trx, { stream: Readable.from([samplePdf('bench')]), name: 'p.pdf', declaredMime: 'application/pdf', ownerId: citizen.id, regionCode: '152201' }));

// Baseline: raw single-row inserts, one statement per transaction, same concurrency.
const rawRate = await rawInsertRate(k.db, SECONDS, CONNECTIONS);

const app = await p.http();
p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
type Load = { ok: number; non2xx: number; errors: number; p50: number; p99: number; seconds?: number };
const load = async (script: string, spec: unknown): Promise<Load> =>
  JSON.parse((await run(process.execPath, ['bin/run-ts.js', script, JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 64 << 20 })).stdout.trim().split('\n').pop()!);

// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the submissions.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
// 1. Submission under load.
const body = JSON.stringify({ itemId: item.id, form: { shopName: '压测烧烤店', capital: 1000 }, materials: [{ code: 'premises', fileId: file.id }] });
const submit = await load('bench/http-load.ts', {
  url: `${address}/api/services/applications`,
  method: 'POST',
  headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/json' },
  body,
  seconds: SECONDS,
  connections: CONNECTIONS,
});
const submitRate = submit.ok / SECONDS;
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);

// 2. One workflow action (受理) on each submitted application.
const ids = (await k.db.selectFrom('services_application').select('id').where('state', '=', 'submitted').orderBy('id').limit(20_000).execute()).map((r) => r.id);
const accept = await load('bench/actions-client.ts', { base: address, token: windowToken, ids, body: JSON.stringify({ action: 'accept' }), connections: CONNECTIONS });
const acceptRate = accept.ok / accept.seconds!;
const accepted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM services_application WHERE state = 'review'`.execute(k.db);
const audited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry WHERE object_type = 'services.application'`.execute(k.db);

// 3. Catalogue search over ITEMS items: loaded set-based (the catalogue's own columns and index).
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
// Baseline: the bare SQL full-text query (same words, same index, first page), timed in-process.
const sqlTimes: number[] = [];
const sqlUntil = Date.now() + SECONDS * 1000;
for (let i = 0; Date.now() < sqlUntil; i++) {
  const t0 = performance.now();
  const q = QUERIES[i % QUERIES.length];
  await k.db
    .selectFrom('services_item as i')
    .select(['i.id', 'i.name'])
    .where('i.active', '=', true)
    .where(matchesQuery('i.search', q))
    .orderBy(queryRank('i.search', q), 'desc')
    .orderBy('i.id', 'desc')
    .limit(21)
    .execute();
  sqlTimes.push(performance.now() - t0);
}
sqlTimes.sort((a, b) => a - b);
const sqlP50 = sqlTimes[Math.floor(sqlTimes.length / 2)];
const searches = [];
for (const q of QUERIES)
  searches.push(await load('bench/http-load.ts', { url: `${address}/api/services/items?q=${encodeURIComponent(q)}`, seconds: Math.max(2, Math.round(SECONDS / QUERIES.length)), connections: 4 }));
const searchP50 = searches.reduce((s, r) => s + r.p50, 0) / searches.length;
const searchP99 = Math.max(...searches.map((r) => r.p99));
const searchOk = searches.reduce((s, r) => s + r.ok, 0);
const searchSeconds = Math.max(2, Math.round(SECONDS / QUERIES.length)) * QUERIES.length;
// The HTTP floor on this machine: the cheapest route, same client, same connections.
const floor = await load('bench/http-load.ts', { url: `${address}/healthz`, seconds: 3, connections: 4 });

console.log(`database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement`);
console.log(`raw single-row insert rate:          ${rawRate.toFixed(0)} rows/s`);
console.log(`application submission (HTTP):       ${submitRate.toFixed(0)} req/s  (p50 ${submit.p50} ms, p99 ${submit.p99} ms, non-2xx ${submit.non2xx}, errors ${submit.errors})`);
console.log(`ratio submission / raw:              ${((submitRate / rawRate) * 100).toFixed(1)} %`);
console.log(`workflow action 受理 (HTTP):          ${acceptRate.toFixed(0)} req/s  (p50 ${accept.p50} ms, p99 ${accept.p99} ms, ${accept.ok} of ${ids.length} ok, non-2xx ${accept.non2xx})`);
console.log(`ratio action / raw:                  ${((acceptRate / rawRate) * 100).toFixed(1)} %`);
console.log(`applications accepted: ${accepted.rows[0].n}; audit entries for applications: ${audited.rows[0].n}`);
console.log(`catalogue search over ${ITEMS + 1} items: p50 ${searchP50.toFixed(1)} ms, p99 ${searchP99} ms, ${(searchOk / searchSeconds).toFixed(0)} req/s at 4 connections`);
console.log(`bare SQL full-text query p50:        ${sqlP50.toFixed(2)} ms (same match and ranking, in-process)`);
console.log(`HTTP floor (GET /healthz) p50:       ${floor.p50} ms`);
console.log(`search p50 over bare query + floor:  ${(searchP50 / (sqlP50 + floor.p50)).toFixed(2)}×`);
await close();
process.exit(0);
