import { sql } from 'kysely';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor, Tx } from '../db/index.ts';
import { insertRowSql, type ColumnTypes } from '../db/row-sql.ts';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from '../log/index.ts';
import { EventErrors, EventRegistry, type EventCatalogue } from './registry.ts';

export { eventsMigration } from './migration.ts';
export { ChangeEvent, changeEvents, EventErrors, type EventCatalogue } from './registry.ts';

export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  regionCode: string;
  payload: P;
  createdAt: Date;
}

/**
 * Runs inside the transaction that marks the event delivered: its writes and the mark commit together.
 * Other events may be delivered in the same transaction before and after it, each in a savepoint of
 * its own, so a failure undoes only its own event's writes. The payload has been checked against
 * the topic's declared schema.
 */
// A subscriber names its payload type (`Subscriber<Static<typeof Schema>>`); the default is any
// because one registry holds subscribers of every topic.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Subscriber<P = any> = (event: DomainEvent<P>, trx: Tx) => Promise<void>;

const MAX_BACKOFF_MS = 10 * 60_000;
/** Events delivered in one transaction at most (see Outbox.deliverBatch). */
const BATCH = 25;

export type OutboxRow = {
  id: string;
  topic: string;
  region_code: string;
  payload: string;
  created_at: Date;
  next_at: Date;
};

export const OUTBOX_TYPES: ColumnTypes<OutboxRow> = { id: 'uuid', topic: 'text', region_code: 'text', payload: 'jsonb', created_at: 'timestamptz', next_at: 'timestamptz' };

/**
 * Transactional outbox. A change publishes its event in its own transaction; a dispatcher delivers
 * committed events to in-process subscribers, a batch of due events per transaction (each event's
 * subscribers and its delivery mark commit together, or not at all), locking with SKIP LOCKED so
 * several app nodes share the work and none delivers an event twice.
 */
export class Outbox {
  /** How many events the next batch claims (BATCH, less while subscribers' audited writes end batches early). */
  private batchSize = BATCH;

  private readonly subscribers = new Map<string, Subscriber[]>();
  private readonly registry = new EventRegistry();
  /** Transactions delivering a batch now, and whether one should commit after its current event. */
  private readonly delivering = new WeakMap<Executor, boolean>();
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Declares a topic and the schema of its payload; only declared topics can be published or subscribed to. */
  declare(topic: string, schema: TSchema): void {
    this.registry.declare(topic, schema);
  }

  /** Declares every topic of a module's catalogue (its events.ts). */
  declareAll(catalogue: EventCatalogue): void {
    this.registry.declareAll(catalogue);
  }

  /**
   * The row an event is stored as; callers may write it inside a larger statement. Throws
   * EVENT_TOPIC_UNDECLARED or EVENT_PAYLOAD_INVALID (before anything is written) when the topic is
   * not declared or the payload breaks its schema.
   */
  eventRow(topic: string, regionCode: string, payload: Record<string, unknown>): OutboxRow {
    const json = this.registry.check(topic, payload);
    const now = this.clock.now();
    return { id: uuidv7(), topic, region_code: regionCode, payload: json, created_at: now, next_at: now };
  }

  async publish(trx: Executor, topic: string, regionCode: string, payload: Record<string, unknown>): Promise<string> {
    const row = this.eventRow(topic, regionCode, payload);
    await insertRowSql('kernel_outbox', row, OUTBOX_TYPES).execute(trx);
    return row.id;
  }

  /**
   * Subscribes to a declared topic (a typo fails at start, not silently never). Name the payload's
   * type with the topic's schema: `subscribe<typeof Schema>(TOPIC, async (e, trx) => …)`.
   */
  subscribe<S extends TSchema | undefined = undefined>(topic: string, fn: Subscriber<S extends TSchema ? Static<S> : Record<string, unknown>>): void {
    if (!this.registry.has(topic)) throw EventErrors.undeclared(topic);
    this.subscribers.set(topic, [...(this.subscribers.get(topic) ?? []), fn]);
  }

  /**
   * Delivers up to `limit` due events; returns how many it delivered. Events go in batches of up
   * to BATCH, one transaction each (see deliverBatch), until none is due.
   */
  async dispatch(limit = 100): Promise<number> {
    let delivered = await this.settleUnsubscribed();
    if (this.subscribers.size === 0) return delivered;
    for (let handled = 0; handled < limit;) {
      const want = Math.min(this.batchSize, limit - handled);
      const b = await this.deliverBatch(want);
      handled += b.handled;
      delivered += b.delivered;
      // A batch an audited write ended early put the rest of its claims back (a second write of each
      // row): claim only as many as it got through next time, and grow again while batches finish.
      if (b.handled < b.claimed) this.batchSize = Math.max(1, b.handled);
      else if (b.claimed === want) this.batchSize = Math.min(BATCH, this.batchSize * 2);
      // Fewer claimed than asked for: nothing else is due (or another node holds it).
      if (b.handled === 0 || (b.claimed < want && b.handled === b.claimed)) break;
    }
    return delivered;
  }

  /**
   * Tells a delivery batch that its transaction now holds a lock other writers queue on (the audit
   * chain head, taken by an audited write in a subscriber): the batch commits after the current
   * event instead of holding it through the handlers of the events after it. The kernel's audited
   * writes call this; outside a delivery it does nothing.
   */
  commitSoon(trx: Executor): void {
    if (this.delivering.has(trx)) this.delivering.set(trx, true);
  }

  /**
   * Events no subscriber in this codebase listens to are marked delivered in one set-based
   * statement (they stay in the table as the event log), so the per-event path only serves topics
   * that have work to do.
   */
  private async settleUnsubscribed(): Promise<number> {
    const now = this.clock.now();
    const topics = [...this.subscribers.keys()];
    const r = await sql`
      UPDATE kernel_outbox SET delivered_at = ${now}, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM kernel_outbox
          WHERE delivered_at IS NULL AND next_at <= ${now}
            AND NOT (topic = ANY (${sql.val(topics)}::text[]))
          ORDER BY next_at
          LIMIT 5000
          FOR UPDATE SKIP LOCKED)`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }

  /**
   * Delivers up to `max` due events in one transaction. One statement claims them and marks them
   * delivered (the mark commits with the subscribers' writes, or not at all); each event after the
   * first runs in a savepoint, so a subscriber that fails undoes only its own event's writes, and
   * that event is put back with its error and a backoff in the same transaction while the others
   * commit: none is lost, none is delivered twice. When the first event fails nothing else has run
   * yet, so the whole transaction is rolled back (the other claims with it) and the failure is
   * recorded after. A subscriber's audited write ends the batch after its event (`commitSoon`); the
   * events not reached are put back untouched.
   *
   * At most BATCH events, so the savepoints (one subtransaction each, a second one where a
   * subscriber keeps its own) stay within PostgreSQL's 64 cached subtransactions per backend.
   */
  private async deliverBatch(max: number): Promise<{ claimed: number; handled: number; delivered: number }> {
    const now = this.clock.now();
    let first: { id: string; attempts: number; error: string } | undefined;
    let claimed = 0;
    let handled = 0;
    let delivered = 0;
    await this.db
      .transaction()
      .execute(async (trx) => {
        const r = await sql<OutboxRow & { attempts: number }>`
          UPDATE kernel_outbox SET delivered_at = ${now}, attempts = attempts + 1
           WHERE id IN (
             SELECT id FROM kernel_outbox
              WHERE delivered_at IS NULL AND next_at <= ${now} AND topic = ANY (${sql.val([...this.subscribers.keys()])}::text[])
              ORDER BY next_at
              LIMIT ${max}
              FOR UPDATE SKIP LOCKED)
          RETURNING id, topic, region_code, payload, created_at, next_at, attempts`.execute(trx);
        // RETURNING keeps no order: deliver in the order the events fell due (ids are time-ordered).
        const rows = r.rows.sort((a, b) => +new Date(a.next_at) - +new Date(b.next_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        claimed = rows.length;
        const failed: { id: string; attempts: number; error: string }[] = [];
        this.delivering.set(trx, false);
        try {
          for (const row of rows) {
            const isolated = handled > 0;
            if (isolated) await sql`SAVEPOINT outbox_event`.execute(trx);
            handled += 1;
            try {
              await this.deliver(row, trx);
              delivered += 1;
            } catch (err) {
              const failure = { id: row.id, attempts: row.attempts, error: (err as Error).message };
              if (!isolated) {
                first = failure;
                throw err;
              }
              // Only this event's writes are undone; the ones before it stand.
              await sql`ROLLBACK TO SAVEPOINT outbox_event`.execute(trx);
              failed.push(failure);
            }
            if (this.delivering.get(trx)) break;
          }
        } finally {
          this.delivering.delete(trx);
        }
        // The events not reached go back as they were; the failed ones wait with their error.
        const rest = rows.slice(handled).map((x) => x.id);
        if (rest.length) await sql`UPDATE kernel_outbox SET delivered_at = NULL, attempts = attempts - 1 WHERE id = ANY (${sql.val(rest)}::uuid[])`.execute(trx);
        for (const f of failed) await this.putBack(trx, f, now);
      })
      .catch((err) => {
        if (!first) throw err;
      });
    // The first event failed: its subscribers' writes and every claim were rolled back with the transaction.
    if (first) await this.putBack(this.db, first, now);
    return { claimed, handled, delivered };
  }

  /** Hands one event to its subscribers in `trx`, after checking its stored payload. */
  private async deliver(row: OutboxRow, trx: Tx): Promise<void> {
    const event: DomainEvent = {
      id: row.id,
      topic: row.topic,
      regionCode: row.region_code,
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
      createdAt: new Date(row.created_at),
    };
    // A payload stored before its schema changed (or written around eventRow) fails here and is retried, never half-read.
    this.registry.checkParsed(row.topic, event.payload);
    for (const fn of this.subscribers.get(row.topic) ?? []) await fn(event, trx);
  }

  /** Records a failed try (its attempt was counted when it was claimed) and backs off. */
  private async putBack(ex: Executor, f: { id: string; attempts: number; error: string }, now: Date): Promise<void> {
    const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(f.attempts, 20));
    await ex
      .updateTable('kernel_outbox')
      .set({ delivered_at: null, attempts: f.attempts, last_error: f.error.slice(0, 1000), next_at: new Date(now.getTime() + backoff) })
      .where('id', '=', f.id)
      .execute();
    this.log.warn({ eventId: f.id, attempts: f.attempts }, 'outbox subscriber failed; will retry');
  }

  async pendingCount(): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_outbox WHERE delivered_at IS NULL`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }
}
