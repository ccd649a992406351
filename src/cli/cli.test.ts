// yiwang-test: database-independent (the command always runs on its own embedded database; see vitest.config.ts)
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config/index.ts';
import { createPlatform } from '../platform.ts';
import { changeEvents } from '../kernel/events/index.ts';

/** The change events these tests record (declared like a module's). */
const testThing = changeEvents('test.thing', ['tested']);

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cli-'));
const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cli-restored-'));

/** Runs `yiwang …` as a user would, on an embedded database in `dataDir`. */
async function yiwang(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(process.execPath, ['bin/yiwang.js', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', YIWANG_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the yiwang command', () => {
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('lists its commands', async () => {
    const r = await yiwang(['--help']);
    for (const c of ['start', 'migrate', 'seed', 'audit', 'backup', 'restore', 'user']) expect(r.out).toContain(c);
  });

  it('refuses to run with a wrong setting and says which one', async () => {
    const r = await yiwang(['migrate'], { PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('environment variable PORT');
  });

  // Four runs of the command and two platform starts on a file database: slow on a busy machine.
  it('verifies the audit chain and names the first altered entry, exiting non-zero', async () => {
    expect((await yiwang(['migrate'])).code).toBe(0);
    const config = loadConfig({ LOG_LEVEL: 'silent', YIWANG_DATA_DIR: dataDir }, {}, dataDir);
    let p = await createPlatform({ config: { ...config, databaseUrl: undefined } });
    p.kernel.events.declareAll(testThing);
    await p.kernel.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 12; i++) {
        await p.kernel.recordChange(trx, { actor: { id: 'cli-test', type: 'staff' }, action: 'tested', objectType: 'test.thing', objectId: String(i), regionCode: '152201', change: { i } });
      }
    });
    await p.close();
    const ok = await yiwang(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('linked entries: 12');
    expect(ok.out).toContain('audit chain intact');
    // verify only reads: no checkpoint signed, nothing witnessed; `audit checkpoint` does both
    const witness = path.join(dataDir, 'audit-witness.jsonl');
    expect(fs.existsSync(witness)).toBe(false);
    expect((await yiwang(['audit', 'checkpoint'])).out).toContain('12 new entries');
    expect(fs.readFileSync(witness, 'utf8').trim().split('\n')).toHaveLength(1);

    p = await createPlatform({ config: { ...config, databaseUrl: undefined } });
    const victim = await p.kernel.db.selectFrom('kernel_audit_entry').select('id').where('lane', '=', 0).where('chain_pos', '=', 5).executeTakeFirstOrThrow();
    await p.kernel.db.updateTable('kernel_audit_entry').set({ object_id: 'forged' }).where('id', '=', victim.id).execute();
    await p.close();
    const broken = await yiwang(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`AUDIT CHAIN BROKEN at position 5 (entry ${victim.id})`);
  }, 240_000);

  it('restores a backup into a new, empty installation once, and refuses a second time in both languages', async () => {
    expect((await yiwang(['migrate'])).code).toBe(0);
    const config = loadConfig({ LOG_LEVEL: 'silent', YIWANG_DATA_DIR: dataDir }, {}, dataDir);
    const p = await createPlatform({ config: { ...config, databaseUrl: undefined } });
    p.kernel.events.declareAll(testThing);
    await p.kernel.db
      .transaction()
      .execute((trx) =>
        p.kernel.recordChange(trx, { actor: { id: 'cli-test', type: 'staff' }, action: 'tested', objectType: 'test.thing', objectId: 'backup', regionCode: '152201', change: { note: '备份前写入' } }),
      );
    await p.close();
    const file = path.join(dataDir, 'backup.jsonl.gz');
    const made = await yiwang(['backup', file]);
    expect(made.code, made.out).toBe(0);
    const restored = await yiwang(['restore', file], { YIWANG_DATA_DIR: otherDir });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/restored \/ 恢复完成: \d+ rows/);
    const again = await yiwang(['restore', file], { YIWANG_DATA_DIR: otherDir });
    expect(again.code).toBe(1);
    expect(again.out).toContain('目标数据库不是空的');
    expect(again.out).toContain('The target database is not empty');
  }, 300_000);
});
