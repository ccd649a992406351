import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A pg client that keeps the platform's recurring statements prepared on its connection.
 *
 * Why: node-postgres sends every parameterised statement unnamed, so PostgreSQL parses, analyses
 * and plans it anew on every call. On the write paths planning cost more than executing: a
 * submission's seven planned statements spent about 1.1 ms in the planner against 0.9 ms executing
 * (pg_stat_statements, PostgreSQL 15, bench/services.bench.ts). A named statement is parsed once
 * per connection, and after five executions PostgreSQL keeps a generic plan when it is no worse
 * than the custom ones, so the planner is skipped too.
 *
 * What is prepared: a statement with parameters, once the same text has been seen twice (one-off
 * texts, such as an IN list of a new length, stay unnamed), up to `PREPARED_PER_CONNECTION` per
 * connection (each holds memory in its backend; the pool closes idle connections, which frees them).
 * Not prepared: an ON CONFLICT whose arbiter is a partial index (`ON CONFLICT (…) WHERE …`): a
 * generic plan cannot prove the index's predicate from parameters and PostgreSQL refuses it (42P10).
 *
 * A table changed under a prepared `SELECT *` (a migration on another node, a restore) makes
 * PostgreSQL refuse the statement ("cached plan must not change result type", 0A000): the client
 * then names its statements afresh, and runs that call again unnamed when it was not inside a
 * transaction (inside one, the transaction is already aborted and the error is the caller's).
 * A value pg cannot send (it throws before the statement reaches the server) leaves pg believing
 * the name prepared while its Close has removed it; that, too, makes the names fresh.
 *
 * Off (`YIWANG_DB_PREPARED_STATEMENTS=false`) behind a pooler that cannot carry named statements
 * across transactions (PgBouncer in transaction mode before 1.21).
 */
export const PREPARED_PER_CONNECTION = 200;

/** How many distinct texts are counted before the count starts over, and the longest counted (bounds this process's memory). */
const SEEN_LIMIT = 5_000;
const LONGEST = 8_192;
/** Per text: its name; null once seen a single time; false when it is never to be named. */
const seen = new Map<string, string | null | false>();

// ON CONFLICT with a WHERE before its DO: a partial-index arbiter (the target may hold
// expressions with parentheses of their own, so everything up to DO is searched).
const PARTIAL_ARBITER = /\bon\s+conflict\b(?:(?!\bdo\b)[\s\S])*\bwhere\b/i;
const PLAN_CHANGED = /cached plan must not change result type/;

/** The statement's name once its text recurs, else null (sent unnamed this time). */
function nameFor(text: string): string | null {
  if (text.length > LONGEST) return null;
  const known = seen.get(text);
  if (known) return known;
  if (known === false) return null;
  if (known === undefined) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(text, null);
    return null;
  }
  // Tested once per text, not on every call.
  if (PARTIAL_ARBITER.test(text)) {
    seen.set(text, false);
    return null;
  }
  const name = `yw_${createHash('sha1').update(text).digest('base64url')}`;
  seen.set(text, name);
  return name;
}

type QueryArgs = Parameters<pg.Client['query']>;

export class PreparingClient extends pg.Client {
  /** Names prepared on this connection, of every generation (the old ones stay on the server until it closes). */
  private readonly prepared = new Set<string>();
  /** Bumped when the server refuses a prepared plan: every name is then new to this connection. */
  private generation = 0;

  // @ts-expect-error one implementation for pg's overloads; every call is passed on unchanged but named
  override query(...args: QueryArgs): unknown {
    const [text, values, callback] = args as unknown[];
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) {
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const base = nameFor(text);
    const name = base && `${base}_${this.generation}`;
    if (!name || (!this.prepared.has(name) && this.prepared.size >= PREPARED_PER_CONNECTION)) return super.query(text, values);
    this.prepared.add(name);
    const outside = this.getTransactionStatus() === 'I';
    return super.query({ name, text, values }).catch((err: { code?: string; message?: string }) => {
      const planChanged = err.code === '0A000' && PLAN_CHANGED.test(String(err.message));
      // No code: pg failed before sending (a value it cannot convert); 26000: the server lost the name.
      if (planChanged || err.code === undefined || err.code === '26000') this.generation += 1;
      if (planChanged && outside) return super.query(text, values);
      throw err;
    });
  }
}
