import { sql } from 'kysely';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor, Tx } from '../db/index.ts';
import type { Logger } from '../log/index.ts';

export interface Job<P = Record<string, unknown>> {
  id: string;
  kind: string;
  regionCode: string;
  payload: P;
  attempts: number;
}

/** A job's writes go in `trx`, the same transaction that marks the job done. */
// The job's kind decides its payload's shape, which a kind string cannot tell the type checker;
// `unknown` would make every handler cast. Likewise for LongJob below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (job: Job<any>, trx: Tx) => Promise<void>;

/**
 * Long work (seconds or more, e.g. reading whole tables) runs before that transaction, on
 * connections of its own, so it holds none open while it works — on PGlite, whose one connection
 * is leased to a transaction, it could not even read. Its result is then written by `commit` in
 * the transaction that marks the job done. If the worker dies, the job is claimed again when its
 * lease runs out and the work starts over: it must be safe to repeat until committed.
 */
export interface LongJob<R> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  work(job: Job<any>): Promise<R>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  commit(job: Job<any>, trx: Tx, result: R): Promise<void>;
}

export interface EnqueueOptions {
  regionCode?: string;
  runAt?: Date;
  /** At most one open (pending or running) job with this key. */
  uniqueKey?: string;
  maxAttempts?: number;
}

const LEASE_MS = 5 * 60_000;

/**
 * Durable jobs and timers on the database.
 *
 * A worker claims due jobs with `FOR UPDATE SKIP LOCKED` and leases them. It then runs the
 * handler and marks the job done in one transaction that succeeds only while it still holds the
 * lease, so with any number of processes each job's effect is committed exactly once. A job whose
 * worker died is claimed again when its lease runs out.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly longs = new Map<string, LongJob<unknown>>();
  private readonly timers = new Map<string, number>();
  readonly workerId = `w-${process.pid}-${uuidv7().slice(-8)}`;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A job whose long work runs outside the transaction that commits its result (see LongJob). */
  registerLong<R>(kind: string, long: LongJob<R>): void {
    this.longs.set(kind, long as LongJob<unknown>);
    this.register(kind, async () => {}); // so that runDue claims it
  }

  /** A handler that re-enqueues itself every `everyMs` (e.g. overdue scans, the audit sealer). */
  registerTimer(kind: string, everyMs: number, handler: JobHandler): void {
    this.timers.set(kind, everyMs);
    this.register(kind, handler);
  }

  async enqueue(trx: Executor, kind: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<string | null> {
    const id = uuidv7();
    const now = this.clock.now();
    const res = await trx
      .insertInto('kernel_job')
      .values({
        id,
        kind,
        region_code: opts.regionCode ?? '000000',
        payload: JSON.stringify(payload),
        run_at: opts.runAt ?? now,
        state: 'pending',
        max_attempts: opts.maxAttempts ?? 5,
        unique_key: opts.uniqueKey ?? null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('unique_key').where('unique_key', 'is not', null).where('state', 'in', ['pending', 'running']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
  }

  /** Makes sure each registered timer has its next run queued. Safe from every node at once. */
  async scheduleTimers(): Promise<void> {
    for (const kind of this.timers.keys()) await this.enqueue(this.db, kind, {}, { uniqueKey: `timer:${kind}` });
  }

  /** Claims and runs up to `limit` due jobs. Returns how many completed. */
  async runDue(limit = 20): Promise<number> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    const claimed = await sql<{ id: string; kind: string; region_code: string; payload: unknown; attempts: number; max_attempts: number }>`
      UPDATE kernel_job SET state = 'running', locked_by = ${this.workerId}, locked_until = ${leaseUntil}, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM kernel_job
          WHERE kind IN (${sql.join(kinds)})
            AND ((state = 'pending' AND run_at <= ${now}) OR (state = 'running' AND locked_until < ${now}))
          ORDER BY run_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, region_code, payload, attempts, max_attempts`.execute(this.db);
    let done = 0;
    for (const row of claimed.rows) {
      const job: Job = {
        id: row.id,
        kind: row.kind,
        regionCode: row.region_code,
        payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
        attempts: row.attempts,
      };
      if (await this.runOne(job, row.max_attempts)) done += 1;
    }
    return done;
  }

  private async runOne(job: Job, maxAttempts: number): Promise<boolean> {
    const handler = this.handlers.get(job.kind)!;
    const long = this.longs.get(job.kind);
    try {
      const result = long ? await long.work(job) : undefined;
      await this.db.transaction().execute(async (trx) => {
        await (long ? long.commit(job, trx, result) : handler(job, trx));
        const mark = await trx
          .updateTable('kernel_job')
          .set({ state: 'done', finished_at: this.clock.now(), locked_until: null })
          .where('id', '=', job.id)
          .where('locked_by', '=', this.workerId)
          .where('state', '=', 'running')
          .executeTakeFirst();
        // Lost the lease to another worker: undo our effects, theirs will count.
        if (Number(mark.numUpdatedRows) !== 1) throw new LeaseLost();
      });
    } catch (err) {
      if (err instanceof LeaseLost) return false;
      const failed = job.attempts >= maxAttempts;
      const retryAt = new Date(this.clock.now().getTime() + Math.min(LEASE_MS, 1000 * 2 ** job.attempts));
      await this.db
        .updateTable('kernel_job')
        .set({ state: failed ? 'failed' : 'pending', run_at: retryAt, last_error: String((err as Error).message ?? err).slice(0, 1000), locked_until: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.workerId)
        .execute();
      this.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, failed }, 'job failed');
      return false;
    }
    const every = this.timers.get(job.kind);
    if (every !== undefined) {
      await this.enqueue(this.db, job.kind, {}, { uniqueKey: `timer:${job.kind}`, runAt: new Date(this.clock.now().getTime() + every) });
    }
    return true;
  }
}

class LeaseLost extends Error {}
