import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';
import { ledgerSnapshot } from '../../testing/ledger-snapshot.ts';
import { changeEvents } from '../events/index.ts';
import { STORED_ENTRY_COLUMNS, atTextSql, entryHash, fieldsOf, type StoredEntry } from './chain.ts';
import { AuditLedger } from './index.ts';

const entry = (objectId: string) => ({
  actor: { id: 'tester', type: 'staff' as const },
  action: 'tested',
  objectType: 'test.thing',
  objectId,
  regionCode: '152201',
  change: { objectId },
  summary: { objectId },
});

// A ledger of several lanes (written into named lanes, so the same on PGlite's one connection as on
// a server), and what a database writer could do to it with plain SQL.
describe('audit ledger lanes', () => {
  let t: TestKernel;
  const db = () => t.k.db;
  const verify = () => t.k.audit.verify();
  const kinds = async () => (await verify()).problems.map((p) => `${p.kind}@${p.lane ?? '-'}:${p.chainPos}`);
  const witnessFile = () => path.join(t.k.config.dataDir, 'audit-witness.jsonl');
  const writeIn = (lane: number, n: number, tag = 'x') =>
    db()
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < n; i++) await t.k.audit.record(trx, entry(`${tag}-${lane}-${i}`), lane);
      });
  const idAt = async (lane: number, pos: number) => (await db().selectFrom('kernel_audit_entry').select('id').where('lane', '=', lane).where('chain_pos', '=', pos).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestKernel({ auditLanes: 4 }, { events: changeEvents('test.thing', ['tested']) });
  });
  afterAll(() => t.close());

  const { save, putBack } = ledgerSnapshot(() => t);

  it('a lone writer links in lane 0, as with one chain', async () => {
    await db()
      .transaction()
      .execute((trx) => t.k.recordChanges(trx, [entry('alone-a'), entry('alone-b')]));
    const rows = await db().selectFrom('kernel_audit_entry').select(['lane', 'chain_pos']).orderBy('chain_pos').execute();
    expect(rows.map((r) => [Number(r.lane), Number(r.chain_pos)])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(await db().selectFrom('kernel_audit_head').select(['id', 'seq']).execute()).toEqual([{ id: 0, seq: expect.anything() }]);
  });

  it('counts positions per lane and verifies every lane', async () => {
    await writeIn(0, 3);
    await writeIn(1, 4);
    await writeIn(2, 6);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, linked: 15, unlinked: 0 });
    expect(r.lanes).toEqual([
      { lane: 0, linked: 5, head: 5 },
      { lane: 1, linked: 4, head: 4 },
      { lane: 2, linked: 6, head: 6 },
    ]);
  });

  it('signs one checkpoint of every lane’s head and writes it to the witness', async () => {
    expect(await t.k.audit.sealAll()).toBe(15);
    await writeIn(2, 2, 'y');
    await writeIn(1, 1, 'y');
    expect(await t.k.audit.sealAll()).toBe(3);
    expect(await t.k.audit.sealAll()).toBe(0);
    const lines = fs
      .readFileSync(witnessFile(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.pos, l.lanes.map((x: { lane: number; pos: number }) => `${x.lane}:${x.pos}`)])).toEqual([
      [15, ['0:5', '1:4', '2:6']],
      [18, ['0:5', '1:5', '2:8']],
    ]);
    const cps = await db().selectFrom('kernel_audit_checkpoint').select(['chain_pos', 'entries', 'lanes']).orderBy('chain_pos').execute();
    expect(cps.map((c) => [Number(c.chain_pos), Number(c.entries), (c.lanes as { pos: number }[]).length])).toEqual([
      [15, 15, 3],
      [18, 3, 3],
    ]);
    expect(await verify()).toMatchObject({ ok: true, linked: 18, checkpoints: 2, witness: { checkpoints: 2, lastPos: 18, notYetWitnessed: 0 } });
    await save();
  });

  it('names an edited entry by its lane and position', async () => {
    const victim = await idAt(2, 3);
    await sql`UPDATE kernel_audit_entry SET actor_id = 'someone-else' WHERE id = ${victim}`.execute(db());
    const r = await verify();
    expect(r.broken).toMatchObject({ kind: 'entry-altered', lane: 2, chainPos: 3, entryId: victim });
    expect(r.broken!.reason).toContain('lane 2');
    await putBack();
  });

  it('names an entry removed from the middle of a lane', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE lane = 1 AND chain_pos = 2`.execute(db());
    expect(await kinds()).toEqual(['entries-missing@1:2']);
    await putBack();
  });

  it('names a lane’s truncated tail by the witnessed checkpoint, even with its head rewound and checkpoints deleted', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE lane = 2 AND chain_pos > 6`.execute(db());
    await sql`UPDATE kernel_audit_head SET seq = 6, hash = (SELECT entry_hash FROM kernel_audit_entry WHERE lane = 2 AND chain_pos = 6) WHERE id = 2`.execute(db());
    await sql`DELETE FROM kernel_audit_checkpoint WHERE chain_pos > 15`.execute(db());
    const r = await verify();
    expect(r.problems.map((p) => `${p.kind}@${p.lane ?? '-'}:${p.chainPos}`)).toEqual(['checkpoint-deleted@-:18', 'tail-removed@2:7']);
    expect(r.problems[1].reason).toContain('entries 7–8 removed');
    expect(r.problems[1].reason).toContain('witness holds checkpoint 18');
    await putBack();
  });

  it('names a whole lane deleted with its head', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE lane = 1`.execute(db());
    await sql`DELETE FROM kernel_audit_head WHERE id = 1`.execute(db());
    expect(await kinds()).toEqual(['tail-removed@1:1']);
    await putBack();
  });

  it('names an entry moved to another lane', async () => {
    // The last entry of lane 1 is appended to lane 2, both heads made to agree.
    await sql`UPDATE kernel_audit_entry SET lane = 2, chain_pos = 9, prev_hash = (SELECT hash FROM kernel_audit_head WHERE id = 2) WHERE lane = 1 AND chain_pos = 5`.execute(db());
    await sql`UPDATE kernel_audit_head SET seq = 9, hash = (SELECT entry_hash FROM kernel_audit_entry WHERE lane = 2 AND chain_pos = 9) WHERE id = 2`.execute(db());
    await sql`UPDATE kernel_audit_head SET seq = 4, hash = (SELECT entry_hash FROM kernel_audit_entry WHERE lane = 1 AND chain_pos = 4) WHERE id = 1`.execute(db());
    expect(await kinds()).toEqual(['tail-removed@1:5', 'entry-altered@2:9']);
    await putBack();
  });

  it('names lanes swapped with each other', async () => {
    await sql`UPDATE kernel_audit_entry SET lane = lane + 10 WHERE lane IN (1, 2)`.execute(db());
    await sql`UPDATE kernel_audit_entry SET lane = 13 - lane WHERE lane IN (11, 12)`.execute(db());
    await sql`UPDATE kernel_audit_head SET id = id + 10 WHERE id IN (1, 2)`.execute(db());
    await sql`UPDATE kernel_audit_head SET id = 13 - id WHERE id IN (11, 12)`.execute(db());
    const r = await verify();
    expect(r.ok).toBe(false);
    const altered = r.problems.filter((p) => p.kind === 'entry-altered').map((p) => `${p.lane}:${p.chainPos}`);
    expect(altered).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8].map((p) => `1:${p}`), ...[1, 2, 3, 4, 5].map((p) => `2:${p}`)]);
    expect(r.problems.map((p) => p.kind)).toContain('tail-removed');
    await putBack();
  });

  it('names a lane edited and re-linked with recomputed hashes by the witnessed checkpoint', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE lane = 2 AND chain_pos = 3`.execute(db());
    await sql`UPDATE kernel_audit_entry SET chain_pos = -(chain_pos - 1) WHERE lane = 2 AND chain_pos > 3`.execute(db());
    await sql`UPDATE kernel_audit_entry SET chain_pos = -chain_pos WHERE lane = 2 AND chain_pos < 0`.execute(db());
    const rows = (await db()
      .selectFrom('kernel_audit_entry')
      .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
      .where('lane', '=', 2)
      .orderBy('chain_pos')
      .execute()) as StoredEntry[];
    let prev = rows[0].prev_hash!;
    for (const e of rows) {
      const hash = entryHash('sm3', fieldsOf(e, Number(e.chain_pos), prev));
      await sql`UPDATE kernel_audit_entry SET prev_hash = ${prev}, entry_hash = ${hash} WHERE id = ${e.id}`.execute(db());
      prev = hash;
    }
    await sql`UPDATE kernel_audit_head SET seq = 7, hash = ${prev} WHERE id = 2`.execute(db());
    await sql`DELETE FROM kernel_audit_checkpoint`.execute(db());
    const r = await verify();
    const mismatch = r.problems.find((p) => p.kind === 'witness-mismatch');
    expect(mismatch).toMatchObject({ lane: 2, chainPos: 6 });
    expect(mismatch!.reason).toContain('entries 1–6 were changed or removed and the chain re-linked');
    expect(r.problems.map((p) => `${p.kind}@${p.lane ?? '-'}:${p.chainPos}`)).toEqual(expect.arrayContaining(['tail-removed@2:8', 'checkpoint-deleted@-:15', 'checkpoint-deleted@-:18']));
    await putBack();
  });

  it('names a lane whose head was deleted', async () => {
    await sql`DELETE FROM kernel_audit_head WHERE id = 1`.execute(db());
    expect(await kinds()).toEqual(['head-mismatch@1:5']);
    await putBack();
  });

  it('does not take a ledger whose lane 0 head was deleted for one of the earlier scheme (no re-linking on start)', async () => {
    await sql`DELETE FROM kernel_audit_head WHERE id = 0`.execute(db());
    expect(await t.k.audit.upgrade('152201')).toBeNull();
    expect(await kinds()).toEqual(['head-mismatch@0:5']);
    await putBack();
  });

  it('refuses to sign when any lane no longer links up to the last checkpoint', async () => {
    await writeIn(1, 1, 'z');
    await sql`UPDATE kernel_audit_entry SET object_id = 'forged' WHERE lane = 1 AND chain_pos = 6`.execute(db());
    await expect(t.k.audit.seal()).rejects.toThrow(/checkpoint withheld.*lane 1 .*entry 6: altered/);
    await putBack();
  });

  it('keeps every lane verifying when the number of lanes is lowered: the others just stop moving', async () => {
    const oneLane = new AuditLedger(db(), t.k.crypto, 'sm3', t.clock, t.k.audit.witness, 1);
    await db()
      .transaction()
      .execute((trx) => oneLane.record(trx, entry('after-lowering')));
    const moved = await db().selectFrom('kernel_audit_entry').select(['lane', 'chain_pos']).where('object_id', '=', 'after-lowering').executeTakeFirstOrThrow();
    expect([Number(moved.lane), Number(moved.chain_pos)]).toEqual([0, 6]);
    expect(await oneLane.sealAll()).toBe(1);
    const r = await oneLane.verify();
    expect(r).toMatchObject({ ok: true, linked: 19, checkpoints: 3 });
    expect(r.lanes).toEqual([
      { lane: 0, linked: 6, head: 6 },
      { lane: 1, linked: 5, head: 5 },
      { lane: 2, linked: 8, head: 8 },
    ]);
  });
});

// Several connections: what the lanes are for.
describe.skipIf(!process.env.DATABASE_URL)('audit lanes with writers on several connections', () => {
  const holdingALane = async (t: TestKernel, objectId: string) => {
    let linked!: () => void;
    let commit!: () => void;
    const isLinked = new Promise<void>((r) => (linked = r));
    const mayCommit = new Promise<void>((r) => (commit = r));
    let pid = 0;
    const done = t.k.db.transaction().execute(async (trx) => {
      await t.k.recordChange(trx, entry(objectId));
      pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0].pid;
      linked();
      await mayCommit;
    });
    await isLinked;
    return { commit, done, pid };
  };
  /** A kernel whose ledger has a first entry, so lane 0's head exists (committed) before the writers start. */
  const kernelWithLanes = async (auditLanes: number) => {
    const t = await startTestKernel({ auditLanes }, { events: changeEvents('test.thing', ['tested']) });
    await t.k.db.transaction().execute((trx) => t.k.recordChange(trx, entry('before')));
    return t;
  };
  const laneOf = async (t: TestKernel, objectId: string) => {
    const e = await t.k.db.selectFrom('kernel_audit_entry').select(['lane', 'chain_pos']).where('object_id', '=', objectId).executeTakeFirstOrThrow();
    return [Number(e.lane), Number(e.chain_pos)];
  };

  it('two writers at once link in different lanes without waiting, and both chains verify', async () => {
    const t = await kernelWithLanes(8);
    try {
      const first = await holdingALane(t, 'first');
      // The first still holds its lane: the second links in another and commits meanwhile.
      await t.k.db.transaction().execute((trx) => t.k.recordChange(trx, entry('second')));
      first.commit();
      await first.done;
      expect(await laneOf(t, 'first')).toEqual([0, 2]);
      const [lane, pos] = await laneOf(t, 'second');
      expect(lane).not.toBe(0);
      expect(pos).toBe(1);
      expect(await t.k.audit.sealAll()).toBe(3);
      const r = await t.k.audit.verify();
      expect(r).toMatchObject({ ok: true, linked: 3, checkpoints: 1 });
      expect(r.lanes.map((l) => l.lane)).toEqual([0, lane]);
    } finally {
      await t.close();
    }
  });

  it('with one lane the second writer waits for the first, as with one chain head', async () => {
    const t = await kernelWithLanes(1);
    try {
      const first = await holdingALane(t, 'first');
      const second = t.k.db.transaction().execute((trx) => t.k.recordChange(trx, entry('second')));
      // The second is waiting for the first.
      for (;;) {
        const blocked = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${first.pid}::int = ANY (pg_blocking_pids(pid))`.execute(t.k.db);
        if (blocked.rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      first.commit();
      await Promise.all([first.done, second]);
      expect(await laneOf(t, 'first')).toEqual([0, 2]);
      expect(await laneOf(t, 'second')).toEqual([0, 3]);
      expect(await t.k.audit.verify()).toMatchObject({ ok: true, linked: 3, lanes: [{ lane: 0, linked: 3, head: 3 }] });
    } finally {
      await t.close();
    }
  });
});
