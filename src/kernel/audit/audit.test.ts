import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';
import { ledgerSnapshot } from '../../testing/ledger-snapshot.ts';
import { changeEvents } from '../events/index.ts';
import { GENESIS, STORED_ENTRY_COLUMNS, atTextSql, entryHash, fieldsOf, type StoredEntry } from './chain.ts';

// Every attack here is what a database writer could do with plain SQL: no SM2 key, no access to
// the witness file.
describe('audit ledger', () => {
  let t: TestKernel;
  const db = () => t.k.db;
  const verify = () => t.k.audit.verify();
  const kinds = async () => (await verify()).problems.map((p) => `${p.kind}@${p.chainPos}`);
  const witnessFile = () => path.join(t.k.config.dataDir, 'audit-witness.jsonl');

  beforeAll(async () => {
    t = await startTestKernel({}, { events: changeEvents('test.thing', ['tested', 'doomed']) });
  });
  afterAll(() => t.close());

  const write = (n: number, requestId?: string) =>
    db()
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < n; i++) {
          await t.k.recordChange(trx, {
            actor: { id: 'tester', type: 'staff' },
            action: 'tested',
            objectType: 'test.thing',
            objectId: `obj-${i}`,
            regionCode: '152201',
            change: { i },
            summary: { i },
            requestId,
          });
        }
      });

  // The attacks change the tables; each test puts them back as they were.
  const { save, putBack } = ledgerSnapshot(() => t);

  it('links each entry when it is written, and verify only reads', async () => {
    await write(30, 'req-1');
    const rows = await db().selectFrom('kernel_audit_entry').select(['chain_pos', 'prev_hash', 'entry_hash']).orderBy('chain_pos').execute();
    expect(rows.map((r) => Number(r.chain_pos))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, linked: 30, unlinked: 0, checkpoints: 0, problems: [] });
    // verify neither signed a checkpoint nor wrote to the witness
    expect(await db().selectFrom('kernel_audit_checkpoint').selectAll().execute()).toEqual([]);
    expect(fs.existsSync(witnessFile())).toBe(false);
  });

  it('signs checkpoints and writes each to the witness outside the database', async () => {
    expect(await t.k.audit.sealAll()).toBe(30);
    expect(await t.k.audit.sealAll()).toBe(0);
    await write(5);
    expect(await t.k.audit.sealAll()).toBe(5);
    const lines = fs
      .readFileSync(witnessFile(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.pos)).toEqual([30, 35]);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, linked: 35, checkpoints: 2, witness: { checkpoints: 2, lastPos: 35, notYetWitnessed: 0 } });
    await save();
  });

  it('names an edit of any column, request_id and sub-millisecond time included', async () => {
    const victim = await db().selectFrom('kernel_audit_entry').select('id').where('chain_pos', '=', 12).executeTakeFirstOrThrow();
    const edits: [string, string][] = [
      ['region_code', `'152202'`],
      ['actor_id', `'someone-else'`],
      ['actor_type', `'system'`],
      ['action', `'other'`],
      ['object_type', `'other.thing'`],
      ['object_id', `'forged'`],
      ['at', `at + interval '1 microsecond'`],
      ['change_digest', `md5('x')`],
      ['summary', `'{"i": 99}'::jsonb`],
      ['request_id', `'req-forged'`],
      ['prev_hash', `'${'1'.repeat(64)}'`],
    ];
    for (const [col, value] of edits) {
      await sql.raw(`UPDATE kernel_audit_entry SET ${col} = ${value} WHERE id = '${victim.id}'`).execute(db());
      const r = await verify();
      expect(r.ok, col).toBe(false);
      expect(r.broken, col).toMatchObject({ chainPos: 12, entryId: victim.id });
      await putBack();
    }
  });

  it('names a removed middle entry', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE chain_pos = 7`.execute(db());
    const r = await verify();
    expect(r.broken).toMatchObject({ kind: 'entries-missing', chainPos: 7 });
    await putBack();
  });

  it('names a truncated tail even when its checkpoints and the chain head are rewound too', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE chain_pos > 30`.execute(db());
    await sql`DELETE FROM kernel_audit_checkpoint WHERE chain_pos > 30`.execute(db());
    await sql`UPDATE kernel_audit_head SET seq = 30, hash = (SELECT entry_hash FROM kernel_audit_entry WHERE chain_pos = 30)`.execute(db());
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.kind}@${p.chainPos}`)).toEqual(['tail-removed@31', 'checkpoint-deleted@35']);
    expect(r.broken).toMatchObject({ kind: 'tail-removed', chainPos: 31 });
    expect(r.broken!.reason).toContain('entries 31–35 removed');
    expect(r.broken!.reason).toContain('witness holds checkpoint 35');
    await putBack();
  });

  it('names a deleted middle checkpoint', async () => {
    await sql`DELETE FROM kernel_audit_checkpoint WHERE chain_pos = 30`.execute(db());
    const r = await verify();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-deleted', chainPos: 30 })]);
    await putBack();
  });

  it('names a history that was edited and re-linked with recomputed hashes', async () => {
    // An attacker who knows the hash: removes entry 10, edits entry 20, renumbers and re-hashes all
    // that follows, moves the head, and drops the checkpoints they cannot re-sign.
    await sql`DELETE FROM kernel_audit_entry WHERE chain_pos = 10`.execute(db());
    await sql`UPDATE kernel_audit_entry SET actor_id = 'someone-else' WHERE chain_pos = 20`.execute(db());
    await sql`UPDATE kernel_audit_entry SET chain_pos = -(chain_pos - 1) WHERE chain_pos > 10`.execute(db());
    await sql`UPDATE kernel_audit_entry SET chain_pos = -chain_pos WHERE chain_pos < 0`.execute(db());
    const rows = (await db()
      .selectFrom('kernel_audit_entry')
      .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
      .orderBy('chain_pos')
      .execute()) as StoredEntry[];
    let prev = GENESIS;
    for (const e of rows) {
      const hash = entryHash('sm3', fieldsOf(e, Number(e.chain_pos), prev));
      await sql`UPDATE kernel_audit_entry SET prev_hash = ${prev}, entry_hash = ${hash} WHERE id = ${e.id}`.execute(db());
      prev = hash;
    }
    await sql`UPDATE kernel_audit_head SET seq = 34, hash = ${prev}`.execute(db());
    await sql`DELETE FROM kernel_audit_checkpoint`.execute(db());
    const r = await verify();
    expect(r.ok).toBe(false);
    const mismatch = r.problems.find((p) => p.kind === 'witness-mismatch');
    expect(mismatch).toMatchObject({ chainPos: 30 });
    expect(mismatch!.reason).toContain('entries 1–30 were changed or removed and the chain re-linked');
    expect(r.problems.map((p) => `${p.kind}@${p.chainPos}`)).toEqual(expect.arrayContaining(['tail-removed@35', 'checkpoint-deleted@30', 'checkpoint-deleted@35']));
    await putBack();
  });

  it('refuses to sign entries whose links were removed, and names them', async () => {
    await write(3);
    await save();
    await sql`UPDATE kernel_audit_entry SET chain_pos = NULL, prev_hash = NULL, entry_hash = NULL WHERE chain_pos > 35`.execute(db());
    await sql`UPDATE kernel_audit_entry SET object_id = 'forged' WHERE chain_pos IS NULL`.execute(db());
    await expect(t.k.audit.seal()).rejects.toThrow(/checkpoint withheld/);
    expect(
      Number(
        (
          await db()
            .selectFrom('kernel_audit_checkpoint')
            .select(sql<number>`max(chain_pos)`.as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      ),
    ).toBe(35);
    const r = await verify();
    expect(r.unlinked).toBe(3);
    expect(await kinds()).toEqual(['entry-unlinked@36', 'entry-unlinked@36', 'entry-unlinked@36', 'tail-removed@36']);
    await putBack();
    expect(await t.k.audit.sealAll()).toBe(3);
    await save();
  });

  it('names a forged checkpoint signature', async () => {
    await sql`UPDATE kernel_audit_checkpoint SET signature = ${'00'.repeat(64)} WHERE chain_pos = 30`.execute(db());
    const r = await verify();
    expect(r.broken).toMatchObject({ kind: 'checkpoint-forged', chainPos: 30 });
    expect(r.broken!.reason).toContain('signature');
    await putBack();
  });

  it('names a chain head that does not match its entry', async () => {
    await sql`UPDATE kernel_audit_head SET hash = ${'2'.repeat(64)}`.execute(db());
    expect(await kinds()).toEqual(['head-mismatch@38']);
    await putBack();
  });

  it('a rolled-back change leaves no entry and no gap', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await t.k.recordChange(trx, { actor: { id: 'x', type: 'staff' }, action: 'doomed', objectType: 'test.thing', objectId: 'z', regionCode: '152201', change: {} });
          throw new Error('boom');
        }),
    ).rejects.toThrow('boom');
    await write(1);
    const n = await db()
      .selectFrom('kernel_audit_entry')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'doomed')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect(await verify()).toMatchObject({ ok: true, linked: 39 });
  });

  // Entries in all lanes; on PGlite's one connection that is lane 0 alone.
  const headsTotal = async () => (await db().selectFrom('kernel_audit_head').select('seq').execute()).reduce((n, h) => n + Number(h.seq), 0);

  it('keeps every lane gap-free under concurrent writers', async () => {
    const before = (await verify()).linked;
    // verify running meanwhile sees a live ledger, not a truncated one
    const [during] = await Promise.all([verify(), ...Array.from({ length: 6 }, () => write(10))]);
    expect(during.problems).toEqual([]);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, linked: before + 60, unlinked: 0 });
    expect(await headsTotal()).toBe(before + 60);
  });

  it('links several changes made in one statement after one take of the head, with their writes and events, or none of them', async () => {
    await sql`CREATE TABLE IF NOT EXISTS audit_test_thing (id text PRIMARY KEY)`.execute(db());
    const before = (await verify()).linked;
    const change = (objectId: string) => ({ actor: { id: 'tester', type: 'staff' as const }, action: 'tested', objectType: 'test.thing', objectId, regionCode: '152201', change: { objectId } });
    const both = (id: string) =>
      db()
        .transaction()
        .execute((trx) => t.k.recordChanges(trx, [change(`${id}-a`), change(`${id}-b`)], [sql`INSERT INTO audit_test_thing VALUES (${id})`]));
    await both('one');
    const entries = await db().selectFrom('kernel_audit_entry').select(['object_id', 'lane', 'chain_pos']).where('object_id', 'in', ['one-a', 'one-b']).orderBy('chain_pos').execute();
    // One lane, one after the other, the lane's head on the second.
    expect(entries.map((e) => e.object_id)).toEqual(['one-a', 'one-b']);
    expect(entries[1].lane).toBe(entries[0].lane);
    expect(Number(entries[1].chain_pos)).toBe(Number(entries[0].chain_pos) + 1);
    const laneHead = await db().selectFrom('kernel_audit_head').select('seq').where('id', '=', entries[0].lane).executeTakeFirstOrThrow();
    expect(Number(laneHead.seq)).toBe(Number(entries[1].chain_pos));
    const events = await db()
      .selectFrom('kernel_outbox')
      .select(sql<string>`payload->>'id'`.as('id'))
      .where('topic', '=', 'test.thing.tested')
      .execute();
    expect(events.map((e) => e.id)).toEqual(expect.arrayContaining(['one-a', 'one-b']));
    // The write fails (the same key again): neither entry, nor any event, nor a gap in the chain.
    await expect(both('one')).rejects.toThrow();
    expect(await verify()).toMatchObject({ ok: true, linked: before + 2, unlinked: 0 });
    expect(await headsTotal()).toBe(before + 2);
  });
});
