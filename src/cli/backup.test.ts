import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateKeys } from '../kernel/crypto/index.ts';
import { openTestDatabase, runMigrations, type Database } from '../kernel/db/index.ts';
import { AuditLedger } from '../kernel/audit/index.ts';
import { PlatformCrypto } from '../kernel/crypto/index.ts';
import { systemClock } from '../kernel/clock/index.ts';
import { department, staffToken, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { backup, restore } from './backup.ts';

describe('backup and restore', () => {
  let t: TestPlatform;
  let target: Database;
  const file = path.join(os.tmpdir(), `yw-backup-${process.pid}.jsonl.gz`);
  beforeAll(async () => {
    t = await startTestPlatform();
    target = await openTestDatabase();
  });
  afterAll(async () => {
    await t.close();
    await target.close();
    fs.rmSync(file, { force: true });
  });

  const counts = async (db: Database['db']) => {
    const r = await sql<{ d: number; s: number; a: number; r: number }>`
      SELECT (SELECT count(*)::int FROM org_department) AS d, (SELECT count(*)::int FROM org_staff) AS s,
             (SELECT count(*)::int FROM kernel_audit_entry) AS a, (SELECT count(*)::int FROM org_region) AS r`.execute(db);
    return r.rows[0];
  };

  it('restores every row into a fresh database, with the audit chain still intact', async () => {
    const d = await department(t, '152201', '乌兰浩特市教育局');
    await staffToken(t, ['approver'], d.id);
    await t.p.kernel.audit.sealAll();
    const before = await counts(t.p.kernel.db);
    const written = await backup(t.p.kernel.db, file, () => {});
    expect(written).toBeGreaterThan(before.r);
    await runMigrations(target.db, t.p.migrations);
    const restored = await restore(target.db, file, () => {});
    expect(restored).toBe(written);
    expect(await counts(target.db)).toEqual(before);
    const staff = await target.db.selectFrom('org_staff').select(['name', 'phone_enc', 'roles']).execute();
    expect(staff[0].roles).toEqual(['approver']);
    const ledger = new AuditLedger(target.db, new PlatformCrypto(t.keys, 'sm3'), 'sm3', systemClock);
    expect(await ledger.verify()).toMatchObject({ ok: true, linked: before.a });
  });

  it('refuses to restore over existing data and leaves it untouched', async () => {
    const before = await counts(target.db);
    await expect(restore(target.db, file, () => {})).rejects.toThrow(/not empty/);
    expect(await counts(target.db)).toEqual(before);
  });

  it('refuses a file that is not a Yiwang backup', async () => {
    const other = await openTestDatabase();
    try {
      await runMigrations(other.db, t.p.migrations);
      const bogus = path.join(os.tmpdir(), `yw-bogus-${process.pid}.gz`);
      const { gzipSync } = await import('node:zlib');
      fs.writeFileSync(bogus, gzipSync('{"hello":"world"}\n'));
      await expect(restore(other.db, bogus, () => {})).rejects.toThrow(/not a Yiwang backup/);
      fs.rmSync(bogus);
    } finally {
      await other.close();
    }
  });
});
