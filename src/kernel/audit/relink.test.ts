import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.ts';
import { loadConfig } from '../config/index.ts';
import { PlatformCrypto, generateKeys } from '../crypto/index.ts';
import { openTestDatabase, runMigrations } from '../db/index.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { GENESIS, atText, entryHash } from './chain.ts';
import { legacyHash, type LegacyEntry } from './relink.ts';
import { checkpointMessage } from './verify.ts';

// An installation that ran the earlier scheme (entries linked later by the sealer, old hash)
// upgrades: its ledger must verify under the new scheme afterwards, and say what it was before.
describe('upgrading a ledger of the earlier scheme', () => {
  let p: Platform;
  let dataDir: string;
  afterEach(async () => {
    await p.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function legacyLedger(alter?: (db: Platform['kernel']['db']) => Promise<void>) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-relink-'));
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false }, dataDir);
    const keys = generateKeys();
    p = await createPlatform({ config, database: await openTestDatabase(), clock: new FakeClock(), keys });
    // An installation from before write-time linking had neither it nor the lanes that came after.
    await runMigrations(
      p.kernel.db,
      p.migrations.filter((m) => m.name !== '0700_kernel_audit_linked' && m.name !== '0701_kernel_audit_lanes'),
    );
    const crypto = new PlatformCrypto(keys, 'sm3');
    let prev = GENESIS;
    for (let i = 1; i <= 5; i++) {
      const e = {
        id: `0190f000-0000-7000-8000-00000000000${i}`,
        region_code: '152201',
        actor_id: 'old-node',
        actor_type: 'staff',
        action: 'tested',
        object_type: 'test.thing',
        object_id: `obj-${i}`,
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        change_digest: 'd'.repeat(64),
        summary: { i },
        request_id: `req-${i}`,
      };
      // The first three were linked by the old sealer; the last two were still waiting for it.
      const linked = i <= 3;
      const hash = linked ? legacyHash('sm3', prev, e as unknown as LegacyEntry) : null;
      await sql`INSERT INTO kernel_audit_entry (id, region_code, actor_id, actor_type, action, object_type, object_id, at, change_digest, summary, request_id, chain_pos, prev_hash, entry_hash, sealed_at)
        VALUES (${e.id}, ${e.region_code}, ${e.actor_id}, ${e.actor_type}, ${e.action}, ${e.object_type}, ${e.object_id}, ${e.at}, ${e.change_digest}, ${JSON.stringify(e.summary)}::jsonb, ${e.request_id},
                ${linked ? i : null}, ${linked ? prev : null}, ${hash}, ${linked ? e.at : null})`.execute(p.kernel.db);
      if (hash) prev = hash;
    }
    await sql`INSERT INTO kernel_audit_checkpoint VALUES (3, ${prev}, 3, now(), 'sm3', ${keys.signPublicKey}, ${crypto.sign(`3:${prev}`)})`.execute(p.kernel.db);
    await alter?.(p.kernel.db);
    await p.migrate();
  }

  it('re-links every entry once, in the old order, and the ledger verifies', async () => {
    await legacyLedger();
    const rows = await p.kernel.db.selectFrom('kernel_audit_entry').select(['chain_pos', 'object_id', 'action', 'summary']).orderBy('chain_pos').execute();
    expect(rows.map((r) => `${r.chain_pos}:${r.object_id}`)).toEqual(['1:obj-1', '2:obj-2', '3:obj-3', '4:obj-4', '5:obj-5', '6:ledger']);
    expect(rows[5]).toMatchObject({ action: 'chain-relinked', summary: { entries: 5, previousChain: 'intact' } });
    expect(await p.kernel.audit.verify()).toMatchObject({ ok: true, linked: 6, unlinked: 0 });
    // the earlier checkpoints are kept for the record
    expect(await p.kernel.db.selectFrom('kernel_audit_checkpoint_v1').select('chain_pos').execute()).toHaveLength(1);
    await p.migrate();
    expect(await p.kernel.audit.verify()).toMatchObject({ ok: true, linked: 6 });
  });

  it('leaves a freshly migrated database empty, so a backup can be restored into it', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-relink-'));
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false }, dataDir);
    p = await createPlatform({ config, database: await openTestDatabase(), clock: new FakeClock(), keys: generateKeys() });
    await p.migrate();
    expect(await p.kernel.db.selectFrom('kernel_audit_head').selectAll().execute()).toEqual([]);
  });

  it('writes into the ledger that the earlier chain was already broken', async () => {
    await legacyLedger((db) => sql`UPDATE kernel_audit_entry SET actor_id = 'forged' WHERE chain_pos = 2`.execute(db).then(() => undefined));
    const note = await p.kernel.db.selectFrom('kernel_audit_entry').select('summary').where('action', '=', 'chain-relinked').executeTakeFirstOrThrow();
    expect(note.summary).toEqual({ entries: 5, previousChain: 'broken at 2: entry altered' });
  });
});

// An installation that linked at write time under one chain head (before lanes) upgrades: its
// entries become lane 0 unchanged, its checkpoints keep verifying, and new entries use lanes.
describe('upgrading a one-head ledger to lanes', () => {
  let p: Platform;
  let dataDir: string;
  afterEach(async () => {
    await p.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies the old entries and checkpoints unchanged, then links and signs in several lanes', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-lanes-'));
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false, auditLanes: 4 }, dataDir);
    const keys = generateKeys();
    const clock = new FakeClock();
    p = await createPlatform({ config, database: await openTestDatabase(), clock, keys });
    await runMigrations(
      p.kernel.db,
      p.migrations.filter((m) => m.name !== '0701_kernel_audit_lanes'),
    );
    // As the one-head writer wrote them: hash form v2, head row 1, a checkpoint of (position, hash).
    let prev = GENESIS;
    for (let i = 1; i <= 3; i++) {
      const at = new Date(Date.UTC(2026, 5, 1, 0, 0, i));
      const e = { id: `0190f000-0000-7000-8000-00000000001${i}`, action: 'tested', objectId: `obj-${i}`, change: 'c'.repeat(64), summary: { i } };
      const hash = entryHash('sm3', {
        lane: 0,
        chainPos: i,
        prevHash: prev,
        id: e.id,
        regionCode: '152201',
        actorId: 'one-head',
        actorType: 'staff',
        action: e.action,
        objectType: 'test.thing',
        objectId: e.objectId,
        at: atText(at),
        changeDigest: e.change,
        summary: e.summary,
        requestId: null,
      });
      await sql`INSERT INTO kernel_audit_entry (id, region_code, actor_id, actor_type, action, object_type, object_id, at, change_digest, summary, request_id, chain_pos, prev_hash, entry_hash)
        VALUES (${e.id}, '152201', 'one-head', 'staff', ${e.action}, 'test.thing', ${e.objectId}, ${at}, ${e.change}, ${JSON.stringify(e.summary)}::jsonb, NULL, ${i}, ${prev}, ${hash})`.execute(
        p.kernel.db,
      );
      prev = hash;
    }
    await sql`INSERT INTO kernel_audit_head (id, seq, hash) VALUES (1, 3, ${prev})`.execute(p.kernel.db);
    const signedAt = clock.now();
    const record = { pos: 3, hash: prev, at: atText(signedAt), alg: 'sm3' as const, publicKey: keys.signPublicKey, signature: '' };
    record.signature = new PlatformCrypto(keys, 'sm3').sign(checkpointMessage(record));
    await sql`INSERT INTO kernel_audit_checkpoint VALUES (3, ${prev}, 3, ${signedAt}, 'sm3', ${keys.signPublicKey}, ${record.signature})`.execute(p.kernel.db);
    await p.kernel.audit.witness!.append(record);

    await p.migrate();
    expect(await p.kernel.db.selectFrom('kernel_audit_head').select(['id', 'seq']).execute()).toEqual([{ id: 0, seq: expect.anything() }]);
    expect(await p.kernel.audit.verify()).toMatchObject({ ok: true, linked: 3, checkpoints: 1, witness: { checkpoints: 1 }, lanes: [{ lane: 0, linked: 3, head: 3 }] });

    const input = (objectId: string) => ({ actor: { id: 'tester', type: 'staff' as const }, action: 'tested', objectType: 'test.thing', objectId, regionCode: '152201', change: {} });
    await p.kernel.db.transaction().execute((trx) => p.kernel.audit.record(trx, input('next-0')));
    await p.kernel.db.transaction().execute((trx) => p.kernel.audit.record(trx, input('next-2'), 2));
    expect(await p.kernel.audit.sealAll()).toBe(2);
    const r = await p.kernel.audit.verify();
    expect(r).toMatchObject({ ok: true, linked: 5, checkpoints: 2, witness: { checkpoints: 2, lastPos: 5 } });
    expect(r.lanes).toEqual([
      { lane: 0, linked: 4, head: 4 },
      { lane: 2, linked: 1, head: 1 },
    ]);
  });
});
