import { sql } from 'kysely';
import { newId as uuidv7 } from '../ids/index.ts';
import { canonicalJson, digest, type HashAlg } from '../crypto/hash.ts';
import type { PlatformCrypto } from '../crypto/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import { insertRowSql } from '../db/row-sql.ts';
import { GENESIS, LINKED_AUDIT_TYPES, STORED_ENTRY_COLUMNS, atText, atTextSql, entryHash, entryHashMatches, lockHead, moveHeadSql, type LinkedAuditRow, type StoredEntry } from './chain.ts';
import { relinkLegacyChain } from './relink.ts';
import { checkpointMessage, headsOf, laneLabel, lanesDigest, verifyLedger, type LaneHead, type VerifyReport } from './verify.ts';
import type { AuditWitness } from './witness.ts';

export { auditMigration, auditLinkedMigration, auditLanesMigration } from './migration.ts';
export { LINKED_AUDIT_TYPES, type LinkedAuditRow } from './chain.ts';
export type { AuditProblem, LaneHead, VerifyReport } from './verify.ts';
export { FileWitness, S3Witness, type AuditWitness, type WitnessRecord } from './witness.ts';

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

const SEGMENT_PAGE = 5000;

/**
 * The tamper-evident audit ledger.
 *
 * A writer links its entry into a hash chain in its own transaction: it locks a chain head, hashes
 * every field of the entry together with the previous hash and its position, and moves the head.
 * There are several chains ("lanes", `auditLanes`), each with its own head row; a writer takes a
 * head no other transaction holds, so up to that many writers link at once, and within a lane
 * appends are serialised (one row lock per writing transaction) and gap-free in commit order. A
 * sealer, one round every `auditSealMs` on any node, signs a checkpoint of every lane's head
 * (positions, hashes, time) with the platform's SM2 key — only after checking that each lane's
 * entries since the previous checkpoint still link up — and writes it to a witness outside the
 * database. `verify` only reads.
 */
export class AuditLedger {
  /** The lane each open transaction linked in: its later entries go there too, under the lock it holds. */
  private readonly laneOf = new WeakMap<Executor, number>();

  constructor(
    private readonly db: Db,
    private readonly crypto: PlatformCrypto,
    private readonly alg: HashAlg,
    private readonly clock: Clock,
    /** Where checkpoints are also kept; null only where none is configured (e.g. a restore check). */
    readonly witness: AuditWitness | null = null,
    /** How many lanes writers link into (`auditLanes`); 1 = one chain. */
    private readonly lanes = 1,
  ) {}

  /**
   * Links an entry after a lane's head, locking the head until the caller's transaction ends.
   * The returned row must be written (with `moveHeadSql`) in that same transaction.
   */
  async linkedRow(trx: Executor, input: AuditInput, lane?: number): Promise<LinkedAuditRow> {
    return (await this.linkedRows(trx, [input], lane))[0];
  }

  /**
   * Links entries one after another after a lane's head, taking the head once: each entry's
   * previous hash is the one before it, the first's is the head's; all are in that lane. The rows
   * must all be written, and the head moved onto the last, in the caller's transaction. The lane
   * is a free one unless `lane` names it (relinking, tests).
   */
  async linkedRows(trx: Executor, inputs: AuditInput[], lane?: number): Promise<LinkedAuditRow[]> {
    // Everything that does not need the head is prepared before taking it: other writers wait
    // while it is held.
    const at = this.clock.now();
    const prepared = inputs.map((input) => {
      const summary = JSON.stringify(input.summary ?? {});
      const row = {
        id: uuidv7(),
        region_code: input.regionCode,
        actor_id: input.actor.id,
        actor_type: input.actor.type,
        action: input.action,
        object_type: input.objectType,
        object_id: input.objectId,
        at,
        change_digest: digest(this.alg, canonicalJson(input.change)),
        summary,
        request_id: input.requestId ?? null,
      };
      // What jsonb gives back: the JSON value, not the JavaScript one (undefined dropped, dates as text).
      return { row, parsedSummary: JSON.parse(summary) as unknown };
    });
    const held = lane ?? this.laneOf.get(trx);
    const head = await lockHead(trx, held === undefined ? { lanes: this.lanes } : { lane: held });
    if (trx.isTransaction) this.laneOf.set(trx, head.lane);
    let prev = head;
    return prepared.map(({ row, parsedSummary }) => {
      const linked = { ...row, lane: head.lane, chain_pos: prev.seq + 1, prev_hash: prev.hash };
      const entry_hash = entryHash(this.alg, {
        lane: head.lane,
        chainPos: linked.chain_pos,
        prevHash: linked.prev_hash,
        id: row.id,
        regionCode: row.region_code,
        actorId: row.actor_id,
        actorType: row.actor_type,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        at: atText(at),
        changeDigest: row.change_digest,
        summary: parsedSummary,
        requestId: row.request_id,
      });
      prev = { lane: head.lane, seq: linked.chain_pos, hash: entry_hash };
      return { ...linked, entry_hash };
    });
  }

  /** Appends an entry in the caller's transaction (in a free lane, or in `lane`). Call it in the same transaction as the change. */
  async record(trx: Executor, input: AuditInput, lane?: number): Promise<string> {
    const row = await this.linkedRow(trx, input, lane);
    await sql`WITH h AS (${moveHeadSql(row)}) ${insertRowSql('kernel_audit_entry', row, LINKED_AUDIT_TYPES)}`.execute(trx);
    return row.id;
  }

  /**
   * Signs a checkpoint of every lane's head and writes it to the witness, if entries were added
   * since the last one. Refuses (throws) when the entries of some lane do not link up to the last
   * checkpoint: an edited history is never signed. Returns how many entries the new checkpoint
   * covers. While lane 0 is the only lane, the checkpoint has the form it had before there were
   * lanes (lane 0's position and hash).
   */
  async seal(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const heads: LaneHead[] = (await trx.selectFrom('kernel_audit_head').select(['id', 'seq', 'hash']).orderBy('id').execute()).map((h) => ({
        lane: Number(h.id),
        pos: Number(h.seq),
        hash: h.hash,
      }));
      if (heads.length === 0) return 0;
      const total = heads.reduce((n, h) => n + h.pos, 0);
      const last = await trx.selectFrom('kernel_audit_checkpoint').select(['chain_pos', 'entry_hash', 'lanes']).orderBy('chain_pos', 'desc').limit(1).executeTakeFirst();
      const from = Number(last?.chain_pos ?? 0);
      if (total <= from) return 0;
      const signed = last ? headsOf({ pos: from, hash: last.entry_hash, lanes: last.lanes as LaneHead[] | null, alg: this.alg, at: '' }) : new Map<number, { pos: number; hash: string }>();
      const now = new Map(heads.map((h) => [h.lane, h]));
      for (const lane of new Set([...signed.keys(), ...now.keys()])) {
        const was = signed.get(lane) ?? { pos: 0, hash: GENESIS };
        const head = now.get(lane);
        const broken = !head ? `${laneLabel(lane)}chain head missing` : await this.checkSegment(trx, lane, was.pos, was.hash, head.pos, head.hash);
        if (broken) throw new Error(`audit chain broken, checkpoint withheld / 审计链断裂，不予签名: ${broken}`);
      }
      const laneZeroOnly = heads.length === 1 && heads[0].lane === 0;
      const at = this.clock.now();
      const record = {
        pos: total,
        hash: laneZeroOnly ? heads[0].hash : lanesDigest(this.alg, heads),
        at: atText(at),
        alg: this.alg,
        publicKey: this.crypto.signPublicKey,
        signature: '',
        ...(laneZeroOnly ? {} : { lanes: heads }),
      };
      record.signature = this.crypto.sign(checkpointMessage(record));
      const inserted = await trx
        .insertInto('kernel_audit_checkpoint')
        .values({
          chain_pos: total,
          entry_hash: record.hash,
          entries: total - from,
          at,
          hash_alg: this.alg,
          public_key: record.publicKey,
          signature: record.signature,
          lanes: laneZeroOnly ? null : JSON.stringify(heads),
        })
        .onConflict((oc) => oc.column('chain_pos').doNothing())
        .returning('chain_pos')
        .executeTakeFirst();
      if (!inserted) return 0; // another node signed these very heads
      // Before commit: a checkpoint the witness did not take is not kept either (the next round retries).
      await this.witness?.append(record);
      return total - from;
    });
  }

  /** Signs and witnesses a checkpoint now if there is anything new (tests, `yiwang audit checkpoint`). */
  async sealAll(): Promise<number> {
    return this.seal();
  }

  /** Checks positions from+1…to of `lane` link up from `fromHash` to `toHash`; names the first break. */
  private async checkSegment(trx: Executor, lane: number, from: number, fromHash: string, to: number, toHash: string): Promise<string | null> {
    const at = laneLabel(lane);
    if (to < from) return `${at}the chain head (${to}) is behind the last checkpoint (${from})`;
    let prev = fromHash;
    let expect = from + 1;
    while (expect <= to) {
      const page = (await trx
        .selectFrom('kernel_audit_entry')
        .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
        .where('lane', '=', lane)
        .where('chain_pos', '>=', expect)
        .where('chain_pos', '<=', to)
        .orderBy('chain_pos')
        .limit(SEGMENT_PAGE)
        .execute()) as StoredEntry[];
      if (page.length === 0) break;
      for (const e of page) {
        if (Number(e.chain_pos) !== expect) return `${at}entry ${expect} missing`;
        if (e.prev_hash !== prev) return `${at}entry ${expect}: link broken`;
        if (!entryHashMatches(this.alg, e)) return `${at}entry ${expect}: altered`;
        prev = e.entry_hash ?? '';
        expect += 1;
      }
    }
    if (expect <= to) return `${at}entries ${expect}–${to} missing`;
    return prev === toHash ? null : `${at}entry ${to}: differs from the chain head`;
  }

  /** Walks the whole ledger and compares it with the witness. Reads only. */
  verify(): Promise<VerifyReport> {
    return verifyLedger(this.db, this.alg, this.crypto.signPublicKey, this.witness);
  }

  /**
   * Once, after the migration to write-time linking: re-links a ledger written under the earlier
   * scheme (linked later by a sealer) so every entry is covered by the new hash. Safe to call on
   * every start; does nothing when there is nothing to re-link.
   */
  async upgrade(regionCode: string): Promise<{ entries: number; previousChain: string } | null> {
    return relinkLegacyChain(this.db, this.alg, (trx, input) => this.record(trx, input, 0), regionCode);
  }
}
