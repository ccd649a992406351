import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Migration } from '../db/migrate.ts';
import { DomainError, Errors } from './errors.ts';
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

const KEY = /^[\w.:-]{8,100}$/;
/** A claim whose request never finished (crashed node) may be retried after this long. */
const STALE_MS = 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const IdemErrors = {
  badKey: () => Errors.validation([{ path: '/headers/idempotency-key', message: '8–100 characters of letters, digits, . _ : - / 8–100 个字母、数字或 . _ : -' }]),
  reused: () => new DomainError('IDEMPOTENCY_KEY_REUSED', 422, '该幂等键已用于另一个不同的请求', 'This Idempotency-Key was already used for a different request'),
  inFlight: () => new DomainError('IDEMPOTENCY_IN_PROGRESS', 409, '相同请求正在处理中，请稍后查看结果', 'The same request is still being processed; check again shortly'),
};

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { actor: string; key: string } | null;
  }
}

/**
 * `Idempotency-Key` on writes: the first request with a key is claimed and its answer stored; a
 * replay by the same caller gets that answer again (with `Idempotent-Replayed: true`), the same key
 * on a different request is refused, and a replay while the first is still running gets 409.
 */
export function registerIdempotency(app: App, db: Db, clock: Clock): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || !WRITES.has(req.method)) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY.test(key)) throw IdemErrors.badKey();
    const actor = req.principal?.accountId ?? `ip:${req.ip}`;
    const hash = createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const now = clock.now();
    const claimed = await db
      .insertInto('kernel_idempotency')
      .values({ actor, key, request_hash: hash, created_at: now })
      .onConflict((oc) => oc.columns(['actor', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1) {
      req.idempotency = { actor, key };
      return;
    }
    const prior = await db.selectFrom('kernel_idempotency').selectAll().where('actor', '=', actor).where('key', '=', key).executeTakeFirst();
    if (!prior) throw IdemErrors.inFlight();
    if (prior.request_hash !== hash) throw IdemErrors.reused();
    if (prior.status === null) {
      if (now.getTime() - new Date(prior.created_at).getTime() < STALE_MS) throw IdemErrors.inFlight();
      // The first attempt died without an answer: this one takes over.
      await db.updateTable('kernel_idempotency').set({ created_at: now }).where('actor', '=', actor).where('key', '=', key).execute();
      req.idempotency = { actor, key };
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
    if (reply.statusCode >= 500) {
      // Nothing was done for certain; free the key so the caller can try again.
      await db.deleteFrom('kernel_idempotency').where('actor', '=', claim.actor).where('key', '=', claim.key).execute();
    } else {
      await db
        .updateTable('kernel_idempotency')
        .set({ status: reply.statusCode, content_type: String(reply.getHeader('content-type') ?? ''), body: typeof payload === 'string' ? payload : payload == null ? '' : String(payload) })
        .where('actor', '=', claim.actor)
        .where('key', '=', claim.key)
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
