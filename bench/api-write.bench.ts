/**
 * The kernel API write path beside its floors, measured in one run on the same database
 * (bench/floors.ts), each with the CPU of this process per call:
 *
 *   ours:    POST /api/org/departments (authenticated; validation, policy, insert, audit entry linked
 *            into the chain and outbox event in one transaction), checkpoints signed meanwhile
 *   raw:     the department INSERT itself (the same columns, its own transaction), in-process
 *   bare:    that INSERT behind a bare Fastify route (no auth, no validation, no audit)
 *   healthz: GET /healthz of the platform
 *
 * Uses DATABASE_URL when set (the figure that counts), else embedded PGlite.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { startProfile } from './profile.ts';
import { benchPlatform } from './baseline.ts';
import { bareServer, httpMeasure, inProcessMeasure } from './floors.ts';
import { record } from './report.ts';
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

// The department row as the service writes it (a code is unique per region, so each call its own).
const insertDepartment = (code: string) => {
  const now = new Date();
  return sql`INSERT INTO org_department (id, region_code, code, name, name_en, parent_id, created_at, updated_at)
    VALUES (${uuidv7()}, '152201', ${code}, ${`基线部门${code}`}, NULL, NULL, ${now}, ${now}) ON CONFLICT (region_code, code) DO NOTHING RETURNING id`.execute(p.kernel.db);
};
const raw = await inProcessMeasure(SECONDS, CONNECTIONS, (i) => insertDepartment(`R${i + 1}`));
let bareN = 0;
const bare = await bareServer((b) => b.post('/bare/departments', async (_req, reply) => reply.status(201).send((await insertDepartment(`X${bareN++}`)).rows[0])));
const bareFloor = await httpMeasure({ url: `${bare.url}/bare/departments`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', seconds: SECONDS, connections: CONNECTIONS });

// Ours: the HTTP write path, with the workers signing and witnessing audit checkpoints meanwhile.
const app = await p.http();
if (!process.env.BENCH_NO_WORKERS) p.startWorkers();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// More distinct bodies than a run sends (the loader takes them in turn): a code is taken once.
const bodies = Array.from({ length: Number(process.env.BENCH_BODIES ?? 60_000) }, (_, i) => JSON.stringify({ regionCode: '152201', code: `B${i.toString(36)}`, name: `压测部门${i}` }));
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
// Warm-up (serializers, JIT, caches), with codes of its own.
for (let i = 0; i < 20; i++) await fetch(`${address}/api/org/departments`, { method: 'POST', headers, body: JSON.stringify({ regionCode: '152201', code: `W${i}`, name: `预热${i}` }) });
// BENCH_PROFILE=file.cpuprofile records where the server spends its CPU during the load.
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const ours = await httpMeasure({ url: `${address}/api/org/departments`, method: 'POST', headers, bodies, seconds: SECONDS, connections: CONNECTIONS });
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const healthz = await httpMeasure({ url: `${address}/healthz`, seconds: SECONDS, connections: CONNECTIONS });
const audited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry WHERE object_type = 'org.department'`.execute(p.kernel.db);

console.log(
  `database: ${database.kind}, ${CONNECTIONS} connections, ${SECONDS} s each, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`API writes: ${ours.ok} ok, ${ours.failed} failed; audit entries written for departments: ${audited.rows[0].n}`);
record('api-write', database.kind, [{ name: 'API write (POST department + audit)', ours, raw, bare: bareFloor, healthz, target: { of: 'raw', ratio: 0.4 } }]);
await bare.close();
await close();
process.exit(0);
