/**
 * 12345 cases under load, each figure beside a baseline measured in the same run:
 *
 *   intake:          POST /api/cases by a hotline agent (validation, jieba classification with
 *                    top-3 suggestions, duplicate check, encrypted caller, action row, audit, event)
 *                    vs the raw single-row INSERT rate from the same number of connections
 *   classification:  suggestions for 100,000 synthetic cases (tokens, naive Bayes, keyword rules,
 *                    point-in-polygon over the grids) vs jieba tokenising the same texts alone
 *   accuracy:        not here: generated cases measure nothing; `npm run bench:understanding` scores
 *                    dispatch on calls written apart from the training history
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { syntheticIds } from '../src/kernel/ids/index.ts';
import { tokenize } from '../src/kernel/search/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { CASE_DUTIES } from '../seed/case-categories.ts';
import { seedCaseSetup } from '../seed/case-setup.ts';
import { syntheticCases } from '../seed/case-demo.ts';
import { benchPlatform, rawInsertRate } from './baseline.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 5_000);
const CLASSIFY = Number(process.env.BENCH_CLASSIFY ?? 100_000);
const run = promisify(execFile);

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
await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.hotline',
  password: 'Bench2026pass',
  staff: { departmentId: units.get('RX12345')!, name: '话务压测', employeeNo: 'H1', roles: ['hotline_agent'] },
});
const agentToken = (await p.identity.service.signIn('bench.hotline', 'Bench2026pass', 'bench')).token;

// Baseline: raw single-row inserts, one statement per transaction, same concurrency.
const rawRate = await rawInsertRate(k.db, SECONDS, CONNECTIONS);

const app = await p.http();
p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
type Load = { ok: number; non2xx: number; errors: number; p50: number; p99: number };
const load = async (spec: unknown): Promise<Load> => {
  const file = path.join(os.tmpdir(), `yw-load-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  return JSON.parse((await run(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', `@${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 })).stdout.trim().split('\n').pop()!);
};

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
const intake = await load({
  url: `${address}/api/cases`,
  method: 'POST',
  headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
  bodies,
  seconds: SECONDS,
  connections: CONNECTIONS,
});
const intakeRate = intake.ok / SECONDS;
const stored = await sql<{ n: number; merged: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'merged')::int AS merged FROM cases_case WHERE reporter_id <> 'import'`.execute(k.db);

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

console.log(`database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s per measurement`);
console.log(`history import: ${HISTORY} cases with action rows and training in ${importSeconds.toFixed(1)} s (${(HISTORY / importSeconds).toFixed(0)} cases/s)`);
console.log(`raw single-row insert rate:          ${rawRate.toFixed(0)} rows/s`);
console.log(
  `case intake with classification:    ${intakeRate.toFixed(0)} cases/s  (p50 ${intake.p50} ms, p99 ${intake.p99} ms, non-2xx ${intake.non2xx}, errors ${intake.errors}; stored ${stored.rows[0].n}, of which merged as duplicates ${stored.rows[0].merged})`,
);
console.log(`ratio intake / raw:                  ${((intakeRate / rawRate) * 100).toFixed(1)} %`);
console.log(`classification over ${CLASSIFY} cases:  ${classifyUs.toFixed(0)} µs per case (${(1e6 / classifyUs).toFixed(0)} cases/s, one core), incl. point-in-polygon`);
console.log(`jieba tokenising the same texts:     ${tokenizeUs.toFixed(0)} µs per case`);
console.log(`classification / tokenising alone:   ${(classifyUs / tokenizeUs).toFixed(2)}×`);
await close();
process.exit(0);
