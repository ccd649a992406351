import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';

describe('jobs and the outbox', () => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({}, { events: { 'test.happened': Type.Object({ n: Type.Number() }) } });
    await sql`CREATE TABLE test_effect (job text, note text)`.execute(t.k.db);
  });
  afterAll(() => t.close());

  it('runs a job only when due, once, with its writes committed', async () => {
    const { jobs, db } = t.k;
    jobs.register('test.write', async (job, trx) => {
      await trx
        .insertInto('test_effect')
        .values({ job: job.id, note: String(job.payload.note) })
        .execute();
    });
    const id = await jobs.enqueue(db, 'test.write', { note: 'later' }, { runAt: new Date(t.clock.now().getTime() + 3600_000) });
    expect(await jobs.runDue()).toBe(0);
    t.clock.advance(3600_000);
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    const rows = await db.selectFrom('test_effect').selectAll().where('job', '=', id).execute();
    expect(rows).toHaveLength(1);
  });

  it('rolls back a failing job, retries it later and marks it failed after its attempts', async () => {
    const { jobs, db } = t.k;
    let calls = 0;
    jobs.register('test.flaky', async (job, trx) => {
      calls += 1;
      await trx.insertInto('test_effect').values({ job: job.id, note: 'flaky' }).execute();
      throw new Error('downstream unavailable');
    });
    const id = (await jobs.enqueue(db, 'test.flaky', {}, { maxAttempts: 2 }))!;
    await jobs.runDue();
    t.clock.advance(60_000);
    await jobs.runDue();
    t.clock.advance(60_000);
    await jobs.runDue();
    expect(calls).toBe(2);
    const job = await db.selectFrom('kernel_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job.state).toBe('failed');
    expect(job.last_error).toContain('downstream unavailable');
    expect(await db.selectFrom('test_effect').selectAll().where('job', '=', id).execute()).toHaveLength(0);
  });

  it('runs the work of a long job with no transaction open and commits its result with the job', async () => {
    const { jobs, db } = t.k;
    // The work reads through the shared handle while it works: on PGlite, with one connection,
    // that only finishes if no transaction holds the connection meanwhile.
    jobs.registerLong<number>('test.long', {
      work: async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_effect`.execute(db)).rows[0].n),
      commit: async (job, trx, seen) =>
        void (await trx
          .insertInto('test_effect')
          .values({ job: job.id, note: `saw ${seen}` })
          .execute()),
    });
    const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_effect`.execute(db)).rows[0].n);
    const id = (await jobs.enqueue(db, 'test.long', {}))!;
    expect(await jobs.runDue()).toBe(1);
    expect(await db.selectFrom('test_effect').select('note').where('job', '=', id).execute()).toEqual([{ note: `saw ${before}` }]);
    expect((await db.selectFrom('kernel_job').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('done');
  });

  it('keeps one open job per unique key', async () => {
    const { jobs, db } = t.k;
    expect(await jobs.enqueue(db, 'test.write', { note: 'a' }, { uniqueKey: 'k1' })).not.toBeNull();
    expect(await jobs.enqueue(db, 'test.write', { note: 'b' }, { uniqueKey: 'k1' })).toBeNull();
  });

  it('delivers an outbox event once, and retries a failing subscriber without losing the event', async () => {
    const { events, db } = t.k;
    const seen: string[] = [];
    let fail = true;
    events.subscribe('test.happened', async (e, trx) => {
      await trx.insertInto('test_effect').values({ job: e.id, note: 'event' }).execute();
      if (fail) throw new Error('subscriber down');
      seen.push(String(e.payload.n));
    });
    await db.transaction().execute((trx) => events.publish(trx, 'test.happened', '152201', { n: 1 }));
    expect(await events.dispatch()).toBe(0);
    expect(await events.pendingCount()).toBe(1);
    fail = false;
    t.clock.advance(10 * 60_000);
    expect(await events.dispatch()).toBe(1);
    expect(await events.dispatch()).toBe(0);
    expect(seen).toEqual(['1']);
    const effects = await db.selectFrom('test_effect').selectAll().where('note', '=', 'event').execute();
    expect(effects).toHaveLength(1);
  });

  it('sends SMS through the outbox only after the change commits, with the number masked in the log table', async () => {
    const { notify, events, db } = t.k;
    await expect(
      db.transaction().execute(async (trx) => {
        await notify.notify(trx, { regionCode: '152201', recipientId: 'acc-1', title: '受理通知', body: '您的申请已受理', sms: '13912345678' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow();
    await db.transaction().execute((trx) => notify.notify(trx, { regionCode: '152201', recipientId: 'acc-1', title: '办结通知', body: '您的申请已办结', sms: '13912345678' }));
    await events.dispatch();
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ channel: 'sms', to: '13912345678' });
    expect(t.sent[0].text).toContain('办结');
    const log = await db.selectFrom('kernel_message_log').selectAll().execute();
    expect(log.map((l) => l.recipient_masked)).toEqual(['139****5678']);
    expect((await notify.inbox('acc-1')).map((n) => n.title)).toEqual(['办结通知']);
  });
});

describe('outbox events nobody listens to', () => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({}, { events: { 'test.unheard': Type.Object({ i: Type.Number() }) } });
  });
  afterAll(() => t.close());

  it('are settled in bulk and kept as the event log', async () => {
    const { events, db } = t.k;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 50; i++) await events.publish(trx, 'test.unheard', '152201', { i });
    });
    expect(await events.dispatch()).toBe(50);
    expect(await events.pendingCount()).toBe(0);
    const kept = await db.selectFrom('kernel_outbox').select('id').where('topic', '=', 'test.unheard').execute();
    expect(kept).toHaveLength(50);
  });
});
