import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
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
 * The payload has been checked against the topic's declared schema.
 */
// A subscriber names its payload type (`Subscriber<Static<typeof Schema>>`); the default is any
// because one registry holds subscribers of every topic.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Subscriber<P = any> = (event: DomainEvent<P>, trx: Tx) => Promise<void>;

const MAX_BACKOFF_MS = 10 * 60_000;

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
 * committed events to in-process subscribers, one event per transaction, locking with SKIP LOCKED
 * so several app nodes share the work and none delivers an event twice.
 */
export class Outbox {
  private readonly subscribers = new Map<string, Subscriber[]>();
  private readonly registry = new EventRegistry();
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

  /** Delivers up to `limit` due events; returns how many it delivered. */
  async dispatch(limit = 100): Promise<number> {
    let delivered = await this.settleUnsubscribed();
    if (this.subscribers.size === 0) return delivered;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.deliverOne();
      if (outcome === 'none') break;
      if (outcome === 'delivered') delivered += 1;
    }
    return delivered;
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

  private async deliverOne(): Promise<'none' | 'delivered' | 'failed'> {
    const now = this.clock.now();
    let failure: { id: string; attempts: number; error: string } | undefined;
    const result = await this.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .selectFrom('kernel_outbox')
          .selectAll()
          .where('delivered_at', 'is', null)
          .where('next_at', '<=', now)
          .where('topic', 'in', [...this.subscribers.keys()])
          .orderBy('next_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return 'none' as const;
        const event: DomainEvent = {
          id: row.id,
          topic: row.topic,
          regionCode: row.region_code,
          payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
          createdAt: new Date(row.created_at),
        };
        try {
          // A payload stored before its schema changed (or written around eventRow) fails here and is retried, never half-read.
          this.registry.checkParsed(row.topic, event.payload);
          for (const fn of this.subscribers.get(row.topic) ?? []) await fn(event, trx);
        } catch (err) {
          failure = { id: row.id, attempts: row.attempts + 1, error: (err as Error).message };
          throw err;
        }
        await trx
          .updateTable('kernel_outbox')
          .set({ delivered_at: now, attempts: row.attempts + 1 })
          .where('id', '=', row.id)
          .execute();
        return 'delivered' as const;
      })
      .catch((err) => {
        if (!failure) throw err;
        return 'failed' as const;
      });
    if (failure) {
      // The subscriber's writes were rolled back with the transaction; record the try and back off.
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failure.attempts, 20));
      await this.db
        .updateTable('kernel_outbox')
        .set({ attempts: failure.attempts, last_error: failure.error.slice(0, 1000), next_at: new Date(now.getTime() + backoff) })
        .where('id', '=', failure.id)
        .execute();
      this.log.warn({ eventId: failure.id, attempts: failure.attempts }, 'outbox subscriber failed; will retry');
    }
    return result;
  }

  async pendingCount(): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kernel_outbox WHERE delivered_at IS NULL`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }
}
