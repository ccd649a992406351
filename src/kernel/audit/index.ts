import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson, digest, type HashAlg } from '../crypto/hash.ts';
import { PlatformCrypto } from '../crypto/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import { insertRowSql, type ColumnTypes } from '../db/row-sql.ts';

export { auditMigration } from './migration.ts';

/** Who did something. `system` for timers and jobs. */
export interface Actor {
  id: string;
  type: 'staff' | 'person' | 'enterprise' | 'system' | 'client';
  regionCode?: string;
}

export interface AuditInput {
  actor: Actor;
  action: string;
  objectType: string;
  objectId: string;
  regionCode: string;
  /** The change itself (before/after or the command); only its digest is kept in the ledger. */
  change: unknown;
  /** Short, non-personal facts worth reading in the ledger (state names, codes). */
  summary?: Record<string, unknown>;
  requestId?: string;
}

/** An entry as read back for hashing: jsonb `summary` arrives parsed. */
type EntryRow = Omit<AuditRow, 'summary' | 'request_id'> & { summary: unknown };

/** What an entry's hash covers: every column a reader relies on, and the previous hash. */
function entryHash(alg: HashAlg, prevHash: string, e: EntryRow): string {
  return digest(
    alg,
    `${prevHash}\n${canonicalJson({
      id: e.id,
      region: e.region_code,
      actor: e.actor_id,
      actorType: e.actor_type,
      action: e.action,
      objectType: e.object_type,
      objectId: e.object_id,
      at: new Date(e.at).toISOString(),
      change: e.change_digest,
      summary: e.summary,
    })}`,
  );
}

export type AuditRow = {
  id: string;
  region_code: string;
  actor_id: string;
  actor_type: string;
  action: string;
  object_type: string;
  object_id: string;
  at: Date;
  change_digest: string;
  summary: string;
  request_id: string | null;
};

export const AUDIT_TYPES: ColumnTypes<AuditRow> = {
  id: 'uuid',
  region_code: 'text',
  actor_id: 'text',
  actor_type: 'text',
  action: 'text',
  object_type: 'text',
  object_id: 'text',
  at: 'timestamptz',
  change_digest: 'text',
  summary: 'jsonb',
  request_id: 'text',
};

const GENESIS = '0'.repeat(64);
const SEAL_BATCH = 5000;

export interface VerifyReport {
  ok: boolean;
  linked: number;
  unlinked: number;
  oldestUnlinkedAt: Date | null;
  checkpoints: number;
  /** The first entry at which the chain breaks, when it does. */
  broken?: { chainPos: number; entryId: string | null; reason: string };
}

/**
 * The tamper-evident audit ledger.
 *
 * Writers only INSERT an entry inside their own transaction: no shared row, no lock, so writers
 * never wait on each other. A sealer (one at a time across all app nodes, by advisory lock) links
 * committed, unlinked entries into the hash chain in batches and signs a checkpoint for each
 * batch with the platform's SM2 key. An entry is unlinked for at most one seal interval plus the
 * time its own transaction stays open.
 */
export class AuditLedger {
  constructor(
    private readonly db: Db,
    private readonly crypto: PlatformCrypto,
    private readonly alg: HashAlg,
    private readonly clock: Clock,
  ) {}

  /** The row an entry is stored as (unlinked); callers may write it inside a larger statement. */
  entryRow(input: AuditInput): AuditRow {
    return {
      id: uuidv7(),
      region_code: input.regionCode,
      actor_id: input.actor.id,
      actor_type: input.actor.type,
      action: input.action,
      object_type: input.objectType,
      object_id: input.objectId,
      at: this.clock.now(),
      change_digest: digest(this.alg, canonicalJson(input.change)),
      summary: JSON.stringify(input.summary ?? {}),
      request_id: input.requestId ?? null,
    };
  }

  /** Appends an entry in the caller's transaction. Call it in the same transaction as the change. */
  async record(trx: Executor, input: AuditInput): Promise<string> {
    const row = this.entryRow(input);
    await insertRowSql('kernel_audit_entry', row, AUDIT_TYPES).execute(trx);
    return row.id;
  }

  /** Links up to one batch of unlinked entries and signs a checkpoint. Returns how many it linked. */
  async seal(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(7310001) AS ok`.execute(trx);
      if (!lock.rows[0]?.ok) return 0; // another node is sealing right now
      const last = await trx
        .selectFrom('kernel_audit_entry')
        .select(['chain_pos', 'entry_hash'])
        .where('chain_pos', 'is not', null)
        .orderBy('chain_pos', 'desc')
        .limit(1)
        .executeTakeFirst();
      let pos = Number(last?.chain_pos ?? 0);
      let prev: string = last?.entry_hash ?? GENESIS;
      const rows = (await trx
        .selectFrom('kernel_audit_entry')
        .select(['id', 'region_code', 'actor_id', 'actor_type', 'action', 'object_type', 'object_id', 'at', 'change_digest', 'summary'])
        .where('chain_pos', 'is', null)
        .orderBy('at')
        .orderBy('id')
        .limit(SEAL_BATCH)
        .execute()) as EntryRow[];
      if (rows.length === 0) return 0;
      const linked: { id: string; pos: number; prev: string; hash: string }[] = [];
      for (const r of rows) {
        pos += 1;
        const hash = entryHash(this.alg, prev, r);
        linked.push({ id: r.id, pos, prev, hash });
        prev = hash;
      }
      const sealedAt = this.clock.now();
      // One set-based UPDATE per batch rather than one per entry.
      const values = sql.join(linked.map((l) => sql`(${l.id}::uuid, ${l.pos}::bigint, ${l.prev}, ${l.hash})`));
      await sql`
        UPDATE kernel_audit_entry e
           SET chain_pos = v.pos, prev_hash = v.prev, entry_hash = v.hash, sealed_at = ${sealedAt}
          FROM (VALUES ${values}) AS v(id, pos, prev, hash)
         WHERE e.id = v.id`.execute(trx);
      await trx
        .insertInto('kernel_audit_checkpoint')
        .values({
          chain_pos: pos,
          entry_hash: prev,
          entries: linked.length,
          at: sealedAt,
          hash_alg: this.alg,
          public_key: this.crypto.signPublicKey,
          signature: this.crypto.sign(`${pos}:${prev}`),
        })
        .execute();
      return linked.length;
    });
  }

  /** Seals until nothing is left (used by `audit verify` and tests). */
  async sealAll(): Promise<number> {
    let total = 0;
    for (let n = await this.seal(); n > 0; n = await this.seal()) total += n;
    return total;
  }

  /**
   * Walks the whole chain: recomputes every hash, checks positions have no gap and each checkpoint's
   * signature (against this platform's public key) and hash. Names the first entry that breaks.
   */
  async verify(): Promise<VerifyReport> {
    const checkpoints = await this.db.selectFrom('kernel_audit_checkpoint').selectAll().orderBy('chain_pos').execute();
    const cpByPos = new Map(checkpoints.map((c) => [Number(c.chain_pos), c]));
    const unl = await this.db
      .selectFrom('kernel_audit_entry')
      .select([sql<number>`count(*)`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
      .where('chain_pos', 'is', null)
      .executeTakeFirstOrThrow();
    const report: VerifyReport = {
      ok: true,
      linked: 0,
      unlinked: Number(unl.n),
      oldestUnlinkedAt: unl.oldest ? new Date(unl.oldest) : null,
      checkpoints: checkpoints.length,
    };
    const fail = (chainPos: number, entryId: string | null, reason: string): VerifyReport => ({
      ...report,
      ok: false,
      broken: { chainPos, entryId, reason },
    });
    for (const c of checkpoints) {
      if (c.public_key !== this.crypto.signPublicKey || !PlatformCrypto.verify(`${c.chain_pos}:${c.entry_hash}`, c.signature, c.public_key)) {
        return fail(Number(c.chain_pos), null, 'checkpoint signature invalid / 检查点签名无效');
      }
    }
    let expectPos = 1;
    let prev = GENESIS;
    let cpIdx = 0;
    for (;;) {
      const page = await this.db
        .selectFrom('kernel_audit_entry')
        .selectAll()
        .where('chain_pos', '>=', expectPos)
        .orderBy('chain_pos')
        .limit(SEAL_BATCH)
        .execute();
      if (page.length === 0) break;
      for (const e of page) {
        const pos = Number(e.chain_pos);
        if (pos !== expectPos) return fail(expectPos, null, `entry at position ${expectPos} is missing / 条目缺失`);
        // The algorithm is the one the covering checkpoint recorded (config may change over the years).
        while (cpIdx < checkpoints.length && Number(checkpoints[cpIdx].chain_pos) < pos) cpIdx += 1;
        const alg = (checkpoints[cpIdx]?.hash_alg ?? this.alg) as HashAlg;
        if (e.prev_hash !== prev) return fail(pos, e.id, 'link to previous entry broken / 与前一条目的链接断开');
        if (entryHash(alg, prev, e as EntryRow) !== e.entry_hash) return fail(pos, e.id, 'entry altered / 条目被篡改');
        const cp = cpByPos.get(pos);
        if (cp && cp.entry_hash !== e.entry_hash) return fail(pos, e.id, 'entry does not match signed checkpoint / 与签名检查点不符');
        prev = e.entry_hash;
        expectPos += 1;
        report.linked += 1;
      }
    }
    const lastCp = checkpoints[checkpoints.length - 1];
    if (lastCp && Number(lastCp.chain_pos) >= expectPos) {
      return fail(expectPos, null, `entries after position ${expectPos - 1} removed / 检查点之前的条目被删除`);
    }
    return report;
  }
}
