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

describe('delivering due events in batches', () => {
  let t: TestKernel;
  const Item = Type.Object({ n: Type.Integer() });
  const publish = (topic: string, ns: number[]) =>
    t.k.db.transaction().execute(async (trx) => {
      for (const n of ns) await t.k.events.publish(trx, topic, '152201', { n });
    });
  const effects = async (topic: string) => (await sql<{ n: number }>`SELECT n FROM test_effect WHERE topic = ${topic} ORDER BY n`.execute(t.k.db)).rows.map((r) => r.n);
  const outbox = async (topic: string) =>
    (
      await sql<{ n: number; delivered: boolean; attempts: number; last_error: string | null }>`
        SELECT (payload->>'n')::int AS n, delivered_at IS NOT NULL AS delivered, attempts, last_error FROM kernel_outbox WHERE topic = ${topic} ORDER BY (payload->>'n')::int`.execute(t.k.db)
    ).rows;

  beforeAll(async () => {
    t = await startTestKernel({}, { events: { 'test.batch.failing': Item, 'test.batch.first': Item, 'test.batch.audited': Item, 'test.batch.many': Item } });
    await sql`CREATE TABLE test_effect (topic text NOT NULL, n integer NOT NULL, UNIQUE (topic, n))`.execute(t.k.db);
  });
  afterAll(() => t.close());

  // Each subscriber writes one row per event; the unique key would refuse a second delivery.
  const subscribe = (topic: string, fails: (n: number) => boolean, seen: number[]) =>
    t.k.events.subscribe<typeof Item>(topic, async (e, trx) => {
      await sql`INSERT INTO test_effect (topic, n) VALUES (${topic}, ${e.payload.n})`.execute(trx);
      seen.push(e.payload.n);
      if (fails(e.payload.n)) throw new Error(`event ${e.payload.n} refused`);
    });

  it('delivers the others of a batch once when one of them fails, and retries only that one', async () => {
    const seen: number[] = [];
    let down = true;
    subscribe('test.batch.failing', (n) => n === 3 && down, seen);
    await publish('test.batch.failing', [1, 2, 3, 4, 5]);
    expect(await t.k.events.dispatch()).toBe(4);
    // Event 3's own write was undone with it; the others' stand, each once.
    expect(await effects('test.batch.failing')).toEqual([1, 2, 4, 5]);
    expect(await outbox('test.batch.failing')).toEqual([
      { n: 1, delivered: true, attempts: 1, last_error: null },
      { n: 2, delivered: true, attempts: 1, last_error: null },
      { n: 3, delivered: false, attempts: 1, last_error: 'event 3 refused' },
      { n: 4, delivered: true, attempts: 1, last_error: null },
      { n: 5, delivered: true, attempts: 1, last_error: null },
    ]);
    // Not due again before its backoff; then delivered, and nothing else runs a second time.
    expect(await t.k.events.dispatch()).toBe(0);
    down = false;
    t.clock.advance(10 * 60_000);
    expect(await t.k.events.dispatch()).toBe(1);
    expect(await effects('test.batch.failing')).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 3]);
    expect((await outbox('test.batch.failing')).map((r) => [r.delivered, r.attempts])).toEqual([
      [true, 1],
      [true, 1],
      [true, 2],
      [true, 1],
      [true, 1],
    ]);
  });

  it('delivers the rest when the first event of a batch fails', async () => {
    const seen: number[] = [];
    subscribe('test.batch.first', (n) => n === 1, seen);
    await publish('test.batch.first', [1, 2, 3]);
    expect(await t.k.events.dispatch()).toBe(2);
    expect(await effects('test.batch.first')).toEqual([2, 3]);
    expect(await outbox('test.batch.first')).toEqual([
      { n: 1, delivered: false, attempts: 1, last_error: 'event 1 refused' },
      { n: 2, delivered: true, attempts: 1, last_error: null },
      { n: 3, delivered: true, attempts: 1, last_error: null },
    ]);
  });

  it('delivers every event once when a subscriber writes an audited change, which ends its batch', async () => {
    const seen: number[] = [];
    t.k.events.subscribe<typeof Item>('test.batch.audited', async (e, trx) => {
      seen.push(e.payload.n);
      await sql`INSERT INTO test_effect (topic, n) VALUES ('test.batch.audited', ${e.payload.n})`.execute(trx);
      if (e.payload.n % 2 === 0)
        await t.k.recordChange(trx, {
          actor: { id: 'tester', type: 'system' },
          action: 'counted',
          objectType: 'test.batch',
          objectId: String(e.payload.n),
          regionCode: '152201',
          change: {},
          event: false,
        });
    });
    const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry`.execute(t.k.db)).rows[0].n);
    await publish('test.batch.audited', [1, 2, 3, 4, 5, 6]);
    expect(await t.k.events.dispatch()).toBe(6);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await effects('test.batch.audited')).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await outbox('test.batch.audited')).every((r) => r.delivered && r.attempts === 1)).toBe(true);
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_audit_entry`.execute(t.k.db)).rows[0].n)).toBe(before + 3);
    expect((await t.k.audit.verify()).ok).toBe(true);
  });

  it('delivers more events than one batch holds, up to the limit asked for', async () => {
    const seen: number[] = [];
    subscribe('test.batch.many', () => false, seen);
    await publish(
      'test.batch.many',
      Array.from({ length: 70 }, (_, i) => i),
    );
    expect(await t.k.events.dispatch(60)).toBe(60);
    expect(await t.k.events.dispatch()).toBe(10);
    expect(seen).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect((await outbox('test.batch.many')).every((r) => r.delivered && r.attempts === 1)).toBe(true);
  });
});
