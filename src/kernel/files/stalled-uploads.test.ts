import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/index.ts';
import { TEST_PASSWORD, department, personToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { SYSTEM_PRINCIPAL } from '../../modules/identity/index.ts';
import { stalledUpload, until } from '../../testing/stall.ts';

// A signed-in citizen who starts 24 uploads and never finishes them must not take the database
// away from everyone else (issue 15, item 1).
describe('stalled uploads', () => {
  const STALLED = 24;
  let t: TestPlatform;
  let citizen: string;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    t = await startTestPlatform({}, { listen: true });
    citizen = (await personToken(t)).token;
    await t.p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
      username: 'window.stall',
      password: TEST_PASSWORD,
      staff: { departmentId: (await department(t)).id, name: '窗口人员', employeeNo: 'STALL1', roles: ['window_staff'] as never },
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t.close();
  });

  const tmpFiles = () => {
    const dir = path.join(t.p.kernel.config.dataDir, 'files', 'tmp');
    return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
  };
  const idleInTransaction = async () => {
    if (t.p.database.kind !== 'postgres') return 0;
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${`yiwang:${t.p.database.schema}`} AND state LIKE 'idle in transaction%'`.execute(
      t.p.kernel.db,
    );
    return r.rows[0].n;
  };

  it('lets others sign in, and /readyz and Open311 answer, while uploads stall, and holds nothing once they go away', async () => {
    for (let i = 0; i < STALLED; i++) sockets.push(await stalledUpload(t.url, citizen));
    // Each stalled upload has reached the point of receiving its file.
    await until(`${STALLED} uploads receiving`, () => tmpFiles() >= STALLED);

    const signIn = await fetch(`${t.url}/api/identity/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'window.stall', password: TEST_PASSWORD }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(signIn.status).toBe(201);
    const ready = await fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
    expect(ready.status).toBe(200);
    const open311 = await fetch(`${t.url}/open311/v2/services.json`, { signal: AbortSignal.timeout(10_000) });
    expect(open311.status).toBe(200);
    expect(await idleInTransaction()).toBe(0);

    for (const s of sockets.splice(0)) s.destroy();
    // The aborted uploads leave no temporary file, no stored row and no open transaction behind.
    await until('temporary files removed', () => tmpFiles() === 0);
    await until('no connection idle in transaction', async () => (await idleInTransaction()) === 0);
    expect(await t.p.kernel.db.selectFrom('kernel_file').select('id').execute()).toEqual([]);
    expect((await fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
  }, 60_000);
});
