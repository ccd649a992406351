/**
 * 12345 cases under load, each figure beside its floors measured in the same run (bench/floors.ts):
 *
 *   intake:          POST /api/cases by a hotline agent (validation, jieba classification with
 *                    top-3 suggestions, duplicate check, encrypted caller, action row, audit, event)
 *                    raw: the case row and its first action row as the path writes them (one
 *                    statement, its own transaction), in-process; bare: that statement behind a bare
 *                    Fastify route taking the same bodies; healthz: GET /healthz of the platform
 *   classification:  suggestions for 100,000 synthetic cases (tokens, naive Bayes, keyword rules,
 *                    point-in-polygon over the grids) vs jieba tokenising the same texts alone
 *   accuracy:        not here: generated cases measure nothing; `npm run bench:understanding` scores
 *                    dispatch on calls written apart from the training history
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { syntheticIds } from '../src/kernel/ids/index.ts';
import { tokenize } from '../src/kernel/search/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { CASE_DUTIES } from '../seed/case-categories.ts';
import { seedCaseSetup } from '../seed/case-setup.ts';
import { syntheticCases } from '../seed/case-demo.ts';
import { v7 as uuidv7 } from 'uuid';
import { benchPlatform } from './baseline.ts';
import { bareServer, httpMeasure, inProcessMeasure } from './floors.ts';
import { record } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 5_000);
const CLASSIFY = Number(process.env.BENCH_CLASSIFY ?? 100_000);

const { p, database, close } = await benchPlatform(CONNECTIONS);
const k = p.kernel;
const units = new Map<string, string>();
for (const code of [...new Set(CASE_DUTIES.map(([, u]) => u).filter((u) => u !== 'street')), 'RX12345'])
  units.set(code, (await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name: `${code}部门` })).id);
for (const s of await k.db.selectFrom('org_region').select(['code', 'name']).where('parent_code', '=', '152201').execute())
  units.set(s.code, (await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: s.code, code: `JD${s.code.slice(-3)}`, name: `${s.name}办事处` })).id);
await seedCaseSetup(p, units);
const t0 = performance.now();
const history = await syntheticCases(p, units, HISTORY, 7);
await p.cases.importHistory(SYSTEM_PRINCIPAL, history);
const importSeconds = (performance.now() - t0) / 1000;
const agent = await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.hotline',
  password: 'Bench2026pass',
  staff: { departmentId: units.get('RX12345')!, name: '话务压测', employeeNo: 'H1', roles: ['hotline_agent'] },
});
const agentToken = (await p.identity.service.signIn('bench.hotline', 'Bench2026pass', 'bench')).token;

const app = await p.http();
p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// 1. Intake with classification, as the agent console posts it: varied calls (texts of the demo
// generator) spread over the urban streets, no caller number (so the per-caller flood limit stays
// out). Some still land near an open case of the same matter and are linked as duplicates.
// More distinct calls than the run sends, so no call is repeated word for word at the same place.
const calls = await syntheticCases(p, units, 2000, 11);
const rnd = syntheticIds(4242);
const bodies = Array.from({ length: 15_000 }, (_, i) => {
  const c = calls[i % calls.length];
  return JSON.stringify({ kind: c.kind, content: c.content, address: `${c.address}-${i}`, lon: 122.035 + rnd.int(0, 90_000) / 1e6, lat: 46.058 + rnd.int(0, 50_000) / 1e6 });
});
const headers = { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' };
// Warm-up (serializers, JIT, caches) with calls of its own.
for (let i = 0; i < 20; i++) await fetch(`${address}/api/cases`, { method: 'POST', headers, body: bodies[bodies.length - 1 - i] });
const intake = await httpMeasure({ url: `${address}/api/cases`, method: 'POST', headers, bodies, seconds: SECONDS, connections: CONNECTIONS });
const stored = await sql<{ n: number; merged: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'merged')::int AS merged FROM cases_case WHERE reporter_id <> 'import'`.execute(k.db);
const healthz = await httpMeasure({ url: `${address}/healthz`, seconds: SECONDS, connections: CONNECTIONS });

// The floors: a case row as intake writes it (copied from one it wrote) and its first action row,
// one statement in its own transaction, as the path writes them; no classification, no audit.
const t = await k.db.selectFrom('cases_case').selectAll().where('reporter_id', '=', agent.accountId).where('state', '<>', 'merged').limit(1).executeTakeFirstOrThrow();
const writeCase = (body: { kind: string; content: string; address: string; lon: number; lat: number }) => {
  const now = new Date();
  return sql`WITH main AS (
      INSERT INTO cases_case (id, number, region_code, workflow_version, channel, kind, urgency, title, content, search, reporter_id, address, lon, lat,
        street_code, grid_code, attributes, suggestions, state, open, created_at, updated_at)
      VALUES (${uuidv7()}, ${'152201-GD-B-'} || lpad(nextval('cases_case_seq')::text, 6, '0'), '152201', ${t.workflow_version}, ${t.channel}, ${body.kind}, ${t.urgency},
        ${body.content.slice(0, 30)}, ${body.content}, to_tsvector('simple', ${body.content}), 'bench.bare', ${body.address}, ${body.lon}, ${body.lat},
        ${t.street_code}, ${t.grid_code}, '{}'::jsonb, ${JSON.stringify(t.suggestions)}::jsonb, ${t.state}, true, ${now}, ${now})
      RETURNING id, region_code, number)
    INSERT INTO cases_action (id, case_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, actor_roles, department_id, payload, at)
    SELECT ${uuidv7()}, m.id, m.region_code, 'register', NULL, ${t.state}, 'bench.bare', 'staff', '话务压测', '{hotline_agent}', NULL, '{"channel":"phone"}'::jsonb, ${now} FROM main m
    RETURNING (SELECT number FROM main)`.execute(k.db);
};
const parsed = bodies.map((b) => JSON.parse(b) as Parameters<typeof writeCase>[0]);
const raw = await inProcessMeasure(SECONDS, CONNECTIONS, (i) => writeCase(parsed[(i + parsed.length) % parsed.length]));
const bare = await bareServer((b) => b.post<{ Body: Parameters<typeof writeCase>[0] }>('/bare/cases', async (req, reply) => reply.status(201).send({ number: (await writeCase(req.body)).rows[0] })));
const bareFloor = await httpMeasure({ url: `${bare.url}/bare/cases`, method: 'POST', headers: { 'content-type': 'application/json' }, bodies, seconds: SECONDS, connections: CONNECTIONS });
await bare.close();

// 2. Classification alone over CLASSIFY cases, beside tokenising the same texts.
const texts = await syntheticCases(p, units, Math.min(CLASSIFY, 20_000), 99);
const sample = Array.from({ length: CLASSIFY }, (_, i) => texts[i % texts.length]);
let s = performance.now();
for (const c of sample) tokenize(`${c.title} ${c.content}`);
const tokenizeUs = ((performance.now() - s) * 1000) / sample.length;
s = performance.now();
for (const c of sample) {
  const place = await p.cityops.grids.locate(c.lon!, c.lat!);
  await p.cases.classifier.classify(`${c.title} ${c.content}`, place?.streetCode ?? '152201', 3);
}
const classifyUs = ((performance.now() - s) * 1000) / sample.length;

console.log(
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`history import: ${HISTORY} cases with action rows and training in ${importSeconds.toFixed(1)} s (${(HISTORY / importSeconds).toFixed(0)} cases/s)`);
console.log(`intake: ${intake.ok} ok, ${intake.failed} failed; stored ${stored.rows[0].n}, of which merged as duplicates ${stored.rows[0].merged}`);
console.log(`classification over ${CLASSIFY} cases:  ${classifyUs.toFixed(0)} µs per case (${(1e6 / classifyUs).toFixed(0)} cases/s, one core), incl. point-in-polygon`);
console.log(`jieba tokenising the same texts:     ${tokenizeUs.toFixed(0)} µs per case`);
console.log(`classification / tokenising alone:   ${(classifyUs / tokenizeUs).toFixed(2)}×`);
record('cases', database.kind, [{ name: 'case intake with classification', ours: intake, raw, bare: bareFloor, healthz }]);
await close();
process.exit(0);
