import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';

/** A payload with a declared shape, as a module's events.ts declares one. */
const Weighed = Type.Object({ id: Type.String(), grams: Type.Integer({ minimum: 0 }) });

describe('declared event topics', () => {
  let t: TestKernel;
  const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.k.db)).rows[0].n);
  const counts = async () => ({ audit: await count('kernel_audit_entry'), outbox: await count('kernel_outbox'), things: await count('test_thing') });
  const change = (grams: unknown, topic = 'test.parcel.weighed') => ({
    actor: { id: 'tester', type: 'staff' as const },
    action: 'weighed',
    objectType: 'test.parcel',
    objectId: 'p1',
    regionCode: '152201',
    change: { grams },
    event: { topic, payload: { id: 'p1', grams } },
  });

  beforeAll(async () => {
    t = await startTestKernel({}, { events: { 'test.parcel.weighed': Weighed } });
    await sql`CREATE TABLE test_thing (id text PRIMARY KEY, grams integer)`.execute(t.k.db);
  });
  afterAll(() => t.close());

  it('refuses a payload that breaks its schema before anything is written: no change, no audit entry, no event', async () => {
    const before = await counts();
    // recordChange: the change made earlier in the transaction is rolled back with it.
    const recorded = t.k.db.transaction().execute(async (trx) => {
      await trx.insertInto('test_thing').values({ id: 'p1', grams: -5 }).execute();
      await t.k.recordChange(trx, change(-5));
    });
    await expect(recorded).rejects.toMatchObject({ code: 'EVENT_PAYLOAD_INVALID', zh: expect.stringContaining('test.parcel.weighed'), errors: [expect.objectContaining({ path: '/grams' })] });
    // tracedWrite: the change is part of the one statement that is never sent.
    const traced = t.k.tracedWrite(t.k.db, t.k.db.insertInto('test_thing').values({ id: 'p2', grams: 1 }).returning('id'), change('heavy'));
    await expect(traced).rejects.toMatchObject({ code: 'EVENT_PAYLOAD_INVALID' });
    expect(await counts()).toEqual(before);
  });

  it('refuses an undeclared topic, and a default change event whose topic nobody declared', async () => {
    const before = await counts();
    await expect(t.k.tracedWrite(t.k.db, t.k.db.insertInto('test_thing').values({ id: 'p3', grams: 1 }).returning('id'), change(1, 'test.parcel.wieghed'))).rejects.toMatchObject({
      code: 'EVENT_TOPIC_UNDECLARED',
    });
    const { event: _none, ...withoutEvent } = change(1);
    await expect(t.k.recordChange(t.k.db, { ...withoutEvent, action: 'dropped' })).rejects.toMatchObject({ code: 'EVENT_TOPIC_UNDECLARED', en: expect.stringContaining('test.parcel.dropped') });
    await expect(t.k.db.transaction().execute((trx) => t.k.events.publish(trx, 'test.parcel.lost', '152201', { id: 'p1' }))).rejects.toMatchObject({ code: 'EVENT_TOPIC_UNDECLARED' });
    expect(() => t.k.events.subscribe('test.parcel.lost', async () => {})).toThrow(/test\.parcel\.lost/);
    expect(await counts()).toEqual(before);
  });

  it('publishes a payload that fits, and hands subscribers the checked payload', async () => {
    const seen: number[] = [];
    t.k.events.subscribe<typeof Weighed>('test.parcel.weighed', async (e) => void seen.push(e.payload.grams));
    const [row] = await t.k.tracedWrite<{ id: string }>(t.k.db, t.k.db.insertInto('test_thing').values({ id: 'p4', grams: 250 }).returning('id'), change(250));
    expect(row.id).toBe('p4');
    expect(await t.k.events.dispatch()).toBe(1);
    expect(seen).toEqual([250]);
  });

  it('does not hand a subscriber a stored payload that breaks the schema; the event waits with the reason', async () => {
    const seen: unknown[] = [];
    t.k.events.subscribe('test.parcel.weighed', async (e) => void seen.push(e.payload));
    // Written around eventRow, as an event stored before its schema changed would be.
    const at = new Date(t.clock.now().getTime() - 1000);
    await sql`INSERT INTO kernel_outbox (id, topic, region_code, payload, created_at, next_at) VALUES (gen_random_uuid(), 'test.parcel.weighed', '152201', '{"id":"p5","grams":"lots"}'::jsonb, ${at}, ${at})`.execute(
      t.k.db,
    );
    expect(await t.k.events.dispatch()).toBe(0);
    expect(seen).toEqual([]);
    const r = await t.k.db
      .selectFrom('kernel_outbox')
      .select(['last_error', 'delivered_at'])
      .where(sql`payload->>'id'`, '=', 'p5')
      .executeTakeFirstOrThrow();
    expect(r).toMatchObject({ delivered_at: null, last_error: expect.stringContaining('EVENT_PAYLOAD_INVALID') });
  });

  it('refuses one topic declared twice with different schemas', () => {
    expect(() => t.k.events.declare('test.parcel.weighed', Type.Object({ id: Type.String() }))).toThrow(/declared twice/);
    t.k.events.declare('test.parcel.weighed', Weighed);
  });
});
