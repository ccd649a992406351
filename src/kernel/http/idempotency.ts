import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Migration } from '../db/migrate.ts';
import { Errors } from './errors.ts';
import { IdemErrors, withAttempt, type IdempotentAttempt } from './idempotent-write.ts';
import type { App } from './app.ts';

export const idempotencyMigration: Migration = {
  name: '0005_kernel_idempotency',
  sql: `
    CREATE TABLE kernel_idempotency (
      actor text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status integer,
      content_type text,
      body text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (actor, key)
    );
    CREATE INDEX kernel_idempotency_age ON kernel_idempotency (created_at);
  `,
};

/**
 * Which attempt holds a key and whether one of its writes committed (see idempotent-write.ts).
 * The (actor, key, attempt) index is the arbiter a traced write's mark conflicts on. Numbered after
 * every module's migrations: an installation that already ran them refuses a new migration that
 * sorts before them (Kysely's migrator keeps the order).
 */
export const idempotencyWriteMigration: Migration = {
  name: '0700_kernel_idempotency_written',
  sql: `
    ALTER TABLE kernel_idempotency ADD COLUMN attempt text;
    ALTER TABLE kernel_idempotency ADD COLUMN written_at timestamptz;
    ALTER TABLE kernel_idempotency ADD COLUMN object_type text;
    ALTER TABLE kernel_idempotency ADD COLUMN object_id text;
    CREATE UNIQUE INDEX kernel_idempotency_attempt ON kernel_idempotency (actor, key, attempt);
  `,
};

const KEY = /^[\w.:-]{8,100}$/;
/** A claim without an answer this old belongs to a request that died (crashed node). */
const STALE_MS = 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const badKey = () => Errors.validation([{ path: '/headers/idempotency-key', message: '8–100 characters of letters, digits, . _ : - / 8–100 个字母、数字或 . _ : -' }]);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotentAttempt | null;
  }
}

/**
 * `Idempotency-Key` on writes: the first request with a key claims it and its answer is stored; a
 * replay by the same caller gets that answer again (with `Idempotent-Replayed: true`), the same key
 * on a different request is refused, and a replay while the first is still running gets 409.
 *
 * The claim is committed before the handler runs (so a concurrent replay is refused at once), and
 * every traced write of the handler marks the claim as written in its own statement (see
 * idempotent-write.ts). A claim left without an answer by a crash is resolved once it is STALE_MS
 * old: if a write committed, the retry is told so and nothing runs again; if none did, the
 * retry takes the claim over and runs — and should the first attempt still be alive, its write is
 * then refused, so a key writes once whatever happens.
 */
export function registerIdempotency(app: App, db: Db, clock: Clock): void {
  app.decorateRequest('idempotency', null);

  // Every handler of a keyed request runs with its attempt visible to the kernel's traced writes.
  app.addHook('onRoute', (route) => {
    const handler = route.handler as (this: unknown, req: FastifyRequest, reply: FastifyReply) => unknown;
    route.handler = function (this: unknown, req: FastifyRequest, reply: FastifyReply) {
      const attempt = req.idempotency;
      return attempt ? withAttempt(attempt, () => handler.call(this, req, reply)) : handler.call(this, req, reply);
    } as typeof route.handler;
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || !WRITES.has(req.method)) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY.test(key)) throw badKey();
    const actor = req.principal?.accountId ?? `ip:${req.ip}`;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const now = clock.now();
    const mine: IdempotentAttempt = { actor, key, requestHash, attempt: randomUUID(), open: true };
    const claimed = await db
      .insertInto('kernel_idempotency')
      .values({ actor, key, request_hash: requestHash, attempt: mine.attempt, created_at: now })
      .onConflict((oc) => oc.columns(['actor', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1) {
      req.idempotency = mine;
      return;
    }
    const prior = await db.selectFrom('kernel_idempotency').selectAll().where('actor', '=', actor).where('key', '=', key).executeTakeFirst();
    if (!prior) throw IdemErrors.inFlight();
    if (prior.request_hash !== requestHash) throw IdemErrors.reused();
    if (prior.status === null) {
      if (now.getTime() - new Date(prior.created_at).getTime() < STALE_MS) throw IdemErrors.inFlight();
      if (prior.written_at !== null) {
        // The first attempt wrote and died before its answer was stored: running again would write twice.
        reply.header('idempotent-replayed', 'true');
        throw IdemErrors.answerLost(prior.object_type, prior.object_id);
      }
      // The first attempt died before writing anything: this one takes the claim over, unless
      // another retry just did.
      const taken = await db
        .updateTable('kernel_idempotency')
        .set({ attempt: mine.attempt, created_at: now })
        .where('actor', '=', actor)
        .where('key', '=', key)
        .where('status', 'is', null)
        .where('written_at', 'is', null)
        .where(sql<boolean>`attempt IS NOT DISTINCT FROM ${prior.attempt}`)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw IdemErrors.inFlight();
      req.idempotency = mine;
      return;
    }
    reply.header('idempotent-replayed', 'true');
    reply.status(prior.status);
    if (prior.content_type) reply.type(prior.content_type);
    return reply.send(prior.body ?? '');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    claim.open = false;
    // Only the attempt that holds the claim answers for the key (a retry may have taken it over).
    if (reply.statusCode >= 500) {
      // Nothing was done for certain unless a write was marked; otherwise free the key for a retry.
      await db.deleteFrom('kernel_idempotency').where('actor', '=', claim.actor).where('key', '=', claim.key).where('attempt', '=', claim.attempt).where('written_at', 'is', null).execute();
    } else {
      await db
        .updateTable('kernel_idempotency')
        .set({ status: reply.statusCode, content_type: String(reply.getHeader('content-type') ?? ''), body: typeof payload === 'string' ? payload : payload == null ? '' : String(payload) })
        .where('actor', '=', claim.actor)
        .where('key', '=', claim.key)
        .where('attempt', '=', claim.attempt)
        .execute();
    }
    return payload;
  });
}

/** Forget answers older than a day (run by a timer). */
export async function pruneIdempotency(db: Executor, clock: Clock): Promise<number> {
  const r = await sql`DELETE FROM kernel_idempotency WHERE created_at < ${new Date(clock.now().getTime() - 86_400_000)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
