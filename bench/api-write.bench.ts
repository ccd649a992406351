/**
 * API write path vs raw inserts, measured in one run on the same database.
 *
 *   ours:     autocannon POST /api/org/departments (authenticated; validation, policy, insert,
 *             audit entry linked into the chain and outbox event in one transaction), checkpoints signed meanwhile
 *   baseline: single-row INSERT autocommit from the same number of concurrent connections
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { startProfile } from './profile.ts';
import { benchPlatform, rawInsertRate } from './baseline.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

const { p, database, close } = await benchPlatform(CONNECTIONS);
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'BENCH', name: '压测部门' });
await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'bench.admin',
  password: 'Bench2026pass',
  staff: { departmentId: dept.id, name: '压测员', employeeNo: 'B1', roles: ['region_admin'] },
});
const token = (await p.identity.service.signIn('bench.admin', 'Bench2026pass', 'bench')).token;

// Baseline: raw single-row inserts, one statement per transaction, same concurrency.
const rawRate = process.env.BENCH_SKIP_RAW ? 1 : await rawInsertRate(p.kernel.db, SECONDS, CONNECTIONS);

// Ours: the HTTP write path, with the workers signing and witnessing audit checkpoints meanwhile.
const app = await p.http();
if (!process.env.BENCH_NO_WORKERS) p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the load.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
// Asynchronous: the server in this process must keep serving while the client runs.
const client = await promisify(execFile)(process.execPath, ['bin/run-ts.js', 'bench/load-client.ts', `${address}/api/org/departments`, token, String(SECONDS), String(CONNECTIONS)], {
  encoding: 'utf8',
});
const result = JSON.parse(client.stdout.trim().split('\n').pop()!) as { ok: number; non2xx: number; errors: number; p50: number; p99: number };
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const ok = result.ok;
const apiRate = ok / SECONDS;
const audited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry WHERE object_type = 'org.department'`.execute(p.kernel.db);

console.log(`database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s each`);
console.log(`raw single-row insert rate:       ${rawRate.toFixed(0)} rows/s`);
console.log(`API write (POST department+audit): ${apiRate.toFixed(0)} req/s  (p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors})`);
console.log(`ratio API / raw:                  ${((apiRate / rawRate) * 100).toFixed(1)} %  (aim ≥ 40 % on PostgreSQL)`);
console.log(`audit entries written for departments: ${audited.rows[0].n}`);
await close();
process.exit(0);
