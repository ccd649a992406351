// An app process for the crash test of Idempotency-Key (idempotency-crash.test.ts). It serves the
// platform on the test's database (its own PostgreSQL schema, or a PGlite folder) on 127.0.0.1,
// seeds a region administrator the first time, and prints one JSON line: where it listens and a
// session token. Two test-only switches, both read from the environment:
//   YW_KILL_BEFORE_ANSWER=1  the process kills itself (SIGKILL) the moment it is about to store the
//                            answer of an Idempotency-Key: after the request's write committed.
//   YW_CLOCK_AHEAD_MS=n      the process's clock runs n ms ahead (a retry that comes later).
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { loadConfig } from '../kernel/config/index.ts';
import { openDatabase } from '../kernel/db/index.ts';
import { loadRegions } from '../modules/org/index.ts';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { createPlatform } from '../platform.ts';

const dataDir = process.env.YW_DATA_DIR!;
const ahead = Number(process.env.YW_CLOCK_AHEAD_MS ?? 0);
const USER = 'crash-admin';
const PASSWORD = 'Test2026pass';

const killBeforeAnswer: KyselyPlugin = {
  transformQuery({ node }) {
    const q = JSON.stringify(node, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    if (node.kind === 'UpdateQueryNode' && q.includes('"kernel_idempotency"') && q.includes('"status"')) process.kill(process.pid, 'SIGKILL');
    return node;
  },
  transformResult: async ({ result }) => result,
};

const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false, rateLimitPerMinute: 1_000_000, authRateLimitPerMinute: 1_000_000 }, dataDir);
const opened = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, schema: process.env.YW_SCHEMA, poolSize: 4 } : { pgliteDir: path.join(dataDir, 'pglite') });
const database = process.env.YW_KILL_BEFORE_ANSWER === '1' ? { ...opened, db: opened.db.withPlugin(killBeforeAnswer) } : opened;
const p = await createPlatform({ config, database, clock: { now: () => new Date(Date.now() + ahead) } });
await p.migrate();
const seeded = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', USER).executeTakeFirst();
let departmentId: string;
if (!seeded) {
  await p.kernel.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
  const d = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'CRASH', name: '故障测试部门' });
  departmentId = d.id;
  await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, { username: USER, password: PASSWORD, staff: { departmentId, name: '管理员', employeeNo: 'E-CRASH', roles: ['region_admin'] } });
} else {
  departmentId = (await p.kernel.db.selectFrom('org_department').select('id').where('code', '=', 'CRASH').executeTakeFirstOrThrow()).id;
}
const app = await p.http();
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const signIn = await app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: USER, password: PASSWORD } });
console.log(JSON.stringify({ url, token: signIn.json().token, departmentId }));
process.on('SIGTERM', () => void p.close().then(() => process.exit(0)));
