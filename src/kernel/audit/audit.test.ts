import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

describe('audit ledger', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  const write = (n: number) =>
    t.p.kernel.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await t.p.kernel.recordChange(trx, { actor: { id: 'tester', type: 'staff' }, action: 'tested', objectType: 'test.thing', objectId: `obj-${i}`, regionCode: '152201', change: { i } });
      }
    });

  it('links committed entries into a signed chain that verifies', async () => {
    await write(30);
    const before = await t.p.kernel.audit.verify();
    expect(before.unlinked).toBe(30);
    expect(await t.p.kernel.audit.sealAll()).toBe(30);
    await write(5);
    await t.p.kernel.audit.sealAll();
    const r = await t.p.kernel.audit.verify();
    expect(r).toMatchObject({ ok: true, linked: 35, unlinked: 0, checkpoints: 2 });
  });

  it('a rolled-back change leaves no audit entry', async () => {
    await expect(
      t.p.kernel.db.transaction().execute(async (trx) => {
        await t.p.kernel.recordChange(trx, { actor: { id: 'x', type: 'staff' }, action: 'doomed', objectType: 'test.thing', objectId: 'z', regionCode: '152201', change: {} });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const n = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(sql<number>`count(*)::int`.as('n')).where('action', '=', 'doomed').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('names the first altered entry', async () => {
    const victim = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['id', 'chain_pos']).where('chain_pos', '=', 12).executeTakeFirstOrThrow();
    await t.p.kernel.db.updateTable('kernel_audit_entry').set({ actor_id: 'someone-else' }).where('id', '=', victim.id).execute();
    const r = await t.p.kernel.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ chainPos: 12, entryId: victim.id });
    await t.p.kernel.db.updateTable('kernel_audit_entry').set({ actor_id: 'tester' }).where('id', '=', victim.id).execute();
    expect((await t.p.kernel.audit.verify()).ok).toBe(true);
  });

  it('names the position of a removed entry, including the last one', async () => {
    const row = await t.p.kernel.db.selectFrom('kernel_audit_entry').selectAll().where('chain_pos', '=', 7).executeTakeFirstOrThrow();
    await t.p.kernel.db.deleteFrom('kernel_audit_entry').where('id', '=', row.id).execute();
    let r = await t.p.kernel.audit.verify();
    expect(r.broken?.chainPos).toBe(7);
    await t.p.kernel.db.insertInto('kernel_audit_entry').values(row).execute();
    expect((await t.p.kernel.audit.verify()).ok).toBe(true);
    await t.p.kernel.db.deleteFrom('kernel_audit_entry').where('chain_pos', '=', 35).execute();
    r = await t.p.kernel.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.chainPos).toBe(35);
  });

  it('detects a forged checkpoint signature', async () => {
    await t.p.kernel.db.updateTable('kernel_audit_checkpoint').set({ signature: '00'.repeat(64) }).where('chain_pos', '=', 30).execute();
    const r = await t.p.kernel.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.reason).toContain('signature');
  });
});
