import fs from 'node:fs';
import type { FakeClock } from '../kernel/clock/index.ts';
import type { Config } from '../kernel/config/index.ts';
import { generateKeys, type PlatformKeys } from '../kernel/crypto/index.ts';
import { sql } from '../kernel/db/index.ts';
import type { App } from '../kernel/http/app.ts';
import type { Message } from '../kernel/notify/index.ts';
import { SYSTEM_PRINCIPAL, basePersonRow } from '../modules/identity/index.ts';
import { populationRow } from '../modules/data/index.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { freePort } from './ports.ts';
import { pgDatabaseFrom, pgPlatformTemplate } from './pg-template.ts';
import { platformTemplate } from './pglite-template.ts';
import { testClock, testConfig, testDatabase } from './kernel.ts';

export const TEST_PASSWORD = 'Test2026pass';

export interface TestPlatform {
  p: Platform;
  app: App;
  /** With `listen`: where the platform answers real HTTP (and its OIDC issuer lives). */
  url: string;
  clock: FakeClock;
  sent: Message[];
  keys: PlatformKeys;
  close(): Promise<void>;
}

/**
 * A whole platform on a fresh database (PGlite in memory, or its own schema on the PostgreSQL
 * server when DATABASE_URL is set), with a fake clock, fresh keys, a capturing message sink and
 * the regions of 152201 loaded. No workers run: tests drive the outbox, jobs and sealer themselves.
 */
export async function startTestPlatform(overrides: Partial<Config> = {}, opts: { listen?: boolean } = {}): Promise<TestPlatform> {
  const port = opts.listen ? await freePort() : 8080;
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig({ port, ...(opts.listen ? { publicUrl: url } : {}), ...overrides });
  const dataDir = config.dataDir;
  // A file starts from the shared migrated template: a PGlite dump, or a template database on a server.
  const dbUrl = process.env.DATABASE_URL;
  const template = dbUrl ? undefined : await platformTemplate();
  const database = dbUrl
    ? await pgDatabaseFrom(dbUrl, await pgPlatformTemplate(dbUrl), 8, {
        acquireTimeoutMs: config.dbAcquireTimeoutMs,
        statementTimeoutMs: config.dbStatementTimeoutMs,
        idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
      })
    : await testDatabase(config, template);
  const clock = testClock();
  const sent: Message[] = [];
  const keys = generateKeys();
  const p = await createPlatform({ config, database, clock, keys, sink: { send: async (m) => void sent.push(m) } });
  await p.migrate();
  const app = await p.http();
  if (opts.listen) await app.listen({ port, host: '127.0.0.1' });
  return {
    p,
    app,
    url,
    clock,
    sent,
    keys,
    async close() {
      await p.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;

/** Creates a department directly through the org service (as the system). */
export async function department(t: TestPlatform, regionCode = '152201', name = `测试部门${++seq}`) {
  return t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode, code: `T${++seq}`, name });
}

/** Creates a staff member with an account and signs them in; returns the bearer token. */
export async function staffToken(t: TestPlatform, roles: string[], departmentId: string, username = `u${++seq}x`): Promise<string> {
  await t.p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
    username,
    password: TEST_PASSWORD,
    staff: { departmentId, name: `员工${seq}`, employeeNo: `E${seq}${username}`.slice(0, 32), roles: roles as never },
  });
  const res = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: TEST_PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.body}`);
  return res.json().token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Delivers pending outbox messages and returns the last SMS code sent to `phone`. Another caller's
 * delivery (a test signing several people in at once, or the workers) may hold the message in its
 * batch; the dispatcher then skips it, so this waits until that batch has sent it.
 */
export async function lastSmsCode(t: TestPlatform, phone: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await t.p.kernel.events.dispatch(200);
    const m = [...t.sent].reverse().find((x) => x.channel === 'sms' && x.to === phone);
    const code = m?.text.match(/\d{6}/)?.[0];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no SMS code was sent to ${phone}`);
}

let phoneSeq = 0;
/** A fresh, valid mainland mobile number for a test. */
export const testPhone = () => `139${String(Date.now() % 1e4).padStart(4, '0')}${String(++phoneSeq).padStart(4, '0')}`;

/**
 * Registers a person through the API (SMS code, password) and, when `realName` is given, puts
 * them in the population base data and verifies their real name (L2). Returns their session token.
 */
export async function personToken(t: TestPlatform, o: { phone?: string; realName?: { name: string; idNumber: string } } = {}): Promise<{ token: string; accountId: string; phone: string }> {
  const phone = o.phone ?? testPhone();
  const send = await t.app.inject({ method: 'POST', url: '/api/identity/sms-codes', payload: { phone, purpose: 'register' } });
  if (send.statusCode !== 202) throw new Error(`code not sent: ${send.body}`);
  const code = await lastSmsCode(t, phone);
  const res = await t.app.inject({ method: 'POST', url: '/api/identity/accounts', payload: { phone, code, password: TEST_PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'yw_session')!.value;
  if (o.realName) {
    await addBasePerson(t, o.realName.name, o.realName.idNumber);
    const v = await t.app.inject({ method: 'POST', url: '/api/identity/me/real-name', headers: bearer(token), payload: o.realName });
    if (v.statusCode !== 200) throw new Error(`real-name failed: ${v.body}`);
  }
  return { token, accountId: res.json().me.accountId, phone };
}

/**
 * Adds a person to the population base data (the data module's 人口基础库, the one source real-name
 * checks read) and to identity's record of persons (as an enterprise's legal representative needs);
 * returns identity's record id.
 */
export async function addBasePerson(t: TestPlatform, name: string, idNumber: string): Promise<string> {
  await t.p.kernel.db
    .insertInto('data_population')
    .values(populationRow(t.p.kernel, { name, idNumber, regionCode: '152201' }))
    .execute();
  const row = basePersonRow(t.p.kernel, { name, idNumber, regionCode: '152201' });
  await t.p.kernel.db
    .insertInto('identity_person')
    .values(row)
    .onConflict((oc) => oc.column('id_number_idx').doNothing())
    .execute();
  const r = await t.p.kernel.db.selectFrom('identity_person').select('id').where('id_number_idx', '=', row.id_number_idx).executeTakeFirstOrThrow();
  return r.id as string;
}

/**
 * Moves the fake clock forward while the test's people stay signed in: sessions end on the clock
 * like everything else, so a jump of days would otherwise sign everybody out.
 */
export async function advanceSignedIn(t: TestPlatform, ms: number): Promise<void> {
  t.clock.advance(ms);
  await t.p.kernel.db
    .updateTable('identity_session')
    .set({ expires_at: sql`expires_at + make_interval(secs => ${ms / 1000})` })
    .execute();
}
