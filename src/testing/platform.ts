import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../kernel/clock/index.ts';
import { loadConfig, type Config } from '../kernel/config/index.ts';
import { generateKeys, type PlatformKeys } from '../kernel/crypto/index.ts';
import { openTestDatabase } from '../kernel/db/index.ts';
import type { App } from '../kernel/http/app.ts';
import type { Message } from '../kernel/notify/index.ts';
import { loadRegions } from '../modules/org/index.ts';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { createPlatform, type Platform } from '../platform.ts';

export const TEST_PASSWORD = 'Test2026pass';

export interface TestPlatform {
  p: Platform;
  app: App;
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
export async function startTestPlatform(overrides: Partial<Config> = {}): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-test-'));
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false, rateLimitPerMinute: 1_000_000, ...overrides }, dataDir);
  const database = await openTestDatabase();
  const clock = new FakeClock('2026-03-02T09:00:00+08:00');
  const sent: Message[] = [];
  const keys = generateKeys();
  const p = await createPlatform({ config, database, clock, keys, sink: { send: async (m) => void sent.push(m) } });
  await p.migrate();
  await p.kernel.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
  const app = await p.http();
  return {
    p,
    app,
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
