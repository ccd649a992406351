import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type RawBuilder } from 'kysely';
import type { Clock } from '../clock/index.ts';
import { insertRowSql } from '../db/row-sql.ts';
import { DomainError } from './errors.ts';

/**
 * The attempt at a request that carries an `Idempotency-Key`, as the request's writes see it.
 *
 * Each write traced by the kernel (`recordChange`, `tracedWrite`) also marks the key as written by
 * this attempt, in the same statement: so a key is marked written exactly when a write with it
 * committed, and a kill -9 between the write and the stored answer cannot make a retry write again.
 */
export interface IdempotentAttempt {
  actor: string;
  key: string;
  requestHash: string;
  /** Random per attempt (a client may repeat its X-Request-Id on a retry). */
  attempt: string;
  /** Cleared once the answer is sent: a timer the handler started must not mark the key later. */
  open: boolean;
}

export const IdemErrors = {
  reused: () => new DomainError('IDEMPOTENCY_KEY_REUSED', 422, '该幂等键已用于另一个不同的请求', 'This Idempotency-Key was already used for a different request'),
  /** Also when another attempt with the same key wrote first (a retry that took over a slow request). */
  inFlight: () => new DomainError('IDEMPOTENCY_IN_PROGRESS', 409, '相同请求正在处理中，请稍后查看结果', 'The same request is still being processed; check again shortly'),
  answerLost: (objectType: string | null, objectId: string | null) =>
    new DomainError(
      'IDEMPOTENCY_ANSWER_LOST',
      409,
      `该请求已经执行${objectId ? `（${objectType} ${objectId}）` : ''}，但其应答在故障中丢失；请查询结果，不要再重试`,
      `This request was already carried out${objectId ? ` (${objectType} ${objectId})` : ''}, but its answer was lost in a failure; look the result up instead of retrying`,
    ),
};

const attempts = new AsyncLocalStorage<IdempotentAttempt>();
let running = 0;

/**
 * Runs a route handler with its attempt visible to the writes it makes. On Node 20 the first
 * `run` of any AsyncLocalStorage turns on promise hooks for the whole process (a fifth of a light
 * route's cost, see identity/oidc/request-context.ts), so the storage is switched off again
 * whenever no keyed request is in its handler: only keyed writes pay for it.
 */
export function withAttempt<T>(attempt: IdempotentAttempt, handler: () => T): T {
  running++;
  const release = () => {
    if (--running === 0) attempts.disable();
  };
  let out: T;
  try {
    out = attempts.run(attempt, handler);
  } catch (err) {
    release();
    throw err;
  }
  if (out && typeof (out as { then?: unknown }).then === 'function') {
    return (out as unknown as Promise<unknown>).finally(release) as T;
  }
  release();
  return out;
}

export const IDEMPOTENCY_WRITE_TYPES = {
  actor: 'text',
  key: 'text',
  request_hash: 'text',
  attempt: 'text',
  created_at: 'timestamptz',
  written_at: 'timestamptz',
  object_type: 'text',
  object_id: 'text',
};

/**
 * The statement that marks the current attempt's key as written (`null` outside a keyed request).
 * The arbiter is (actor, key, attempt): this attempt's own claim is updated (the first write names
 * the object); a claim held by another attempt is not an arbiter conflict, so the primary key
 * (actor, key) refuses the insert and the whole statement — the write included — fails.
 */
export function markWrittenSql(clock: Clock, object: { objectType: string; objectId: string }, onlyIf?: RawBuilder<unknown>): RawBuilder<unknown> | null {
  const a = attempts.getStore();
  if (!a?.open) return null;
  const now = clock.now();
  const row = { actor: a.actor, key: a.key, request_hash: a.requestHash, attempt: a.attempt, created_at: now, written_at: now, object_type: object.objectType, object_id: object.objectId };
  return sql`${insertRowSql('kernel_idempotency', row, IDEMPOTENCY_WRITE_TYPES, onlyIf)}
    ON CONFLICT (actor, key, attempt) DO UPDATE SET
      written_at = COALESCE(kernel_idempotency.written_at, EXCLUDED.written_at),
      object_type = COALESCE(kernel_idempotency.object_type, EXCLUDED.object_type),
      object_id = COALESCE(kernel_idempotency.object_id, EXCLUDED.object_id)`;
}

/** Turns "another attempt holds this key" into its domain error; other errors pass unchanged. */
export function takenOverError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'kernel_idempotency_pkey' ? IdemErrors.inFlight() : err;
}
