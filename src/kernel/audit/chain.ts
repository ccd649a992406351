import { sql, type RawBuilder } from 'kysely';
import { canonicalJson, digest, type HashAlg } from '../crypto/hash.ts';
import type { Executor } from '../db/index.ts';
import type { ColumnTypes } from '../db/row-sql.ts';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/** An entry as written: every column, the link included. */
export type LinkedAuditRow = {
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
  lane: number;
  chain_pos: number;
  prev_hash: string;
  entry_hash: string;
};

export const LINKED_AUDIT_TYPES: ColumnTypes<LinkedAuditRow> = {
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
  lane: 'smallint',
  chain_pos: 'bigint',
  prev_hash: 'text',
  entry_hash: 'text',
};

/**
 * What an entry's hash covers: every column of the row. `at` is hashed in its stored precision
 * (microseconds, UTC) so that even a sub-millisecond edit changes the hash; `summary` as the JSON
 * value PostgreSQL gives back.
 */
export interface HashedFields {
  lane: number;
  chainPos: number;
  prevHash: string;
  id: string;
  regionCode: string;
  actorId: string;
  actorType: string;
  action: string;
  objectType: string;
  objectId: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, see `atText` and `AT_TEXT`. */
  at: string;
  changeDigest: string;
  summary: unknown;
  requestId: string | null;
}

/**
 * Lane 0 keeps the form entries had before there were lanes (`v: 2`), so existing ledgers verify
 * unchanged; any other lane's entries hash their lane too (`v: 3`), so an entry cannot be moved
 * from one lane to another unnoticed.
 */
export function entryHash(alg: HashAlg, f: HashedFields): string {
  return digest(
    alg,
    `${f.prevHash}\n${canonicalJson({
      ...(f.lane === 0 ? { v: 2 } : { v: 3, lane: f.lane }),
      pos: f.chainPos,
      id: f.id,
      region: f.regionCode,
      actor: f.actorId,
      actorType: f.actorType,
      action: f.action,
      objectType: f.objectType,
      objectId: f.objectId,
      at: f.at,
      change: f.changeDigest,
      summary: f.summary,
      requestId: f.requestId,
    })}`,
  );
}

/** A JavaScript time (whole milliseconds) in the text form `AT_TEXT` reads back from the database. */
export function atText(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000Z`;
}

/** The stored time of `col` with its full (microsecond) precision, independent of the session's time zone. */
export function atTextSql(col: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(col)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A stored row read back for hashing (`at_text` from `atTextSql`, `summary` parsed). */
export interface StoredEntry {
  id: string;
  region_code: string;
  actor_id: string;
  actor_type: string;
  action: string;
  object_type: string;
  object_id: string;
  at_text: string;
  change_digest: string;
  summary: unknown;
  request_id: string | null;
  lane: number | string;
  chain_pos: number | string | null;
  prev_hash: string | null;
  entry_hash: string | null;
}

export function fieldsOf(e: StoredEntry, chainPos = Number(e.chain_pos), prevHash = e.prev_hash ?? ''): HashedFields {
  return {
    lane: Number(e.lane),
    chainPos,
    prevHash,
    id: e.id,
    regionCode: e.region_code,
    actorId: e.actor_id,
    actorType: e.actor_type,
    action: e.action,
    objectType: e.object_type,
    objectId: e.object_id,
    at: e.at_text,
    changeDigest: e.change_digest,
    summary: e.summary,
    requestId: e.request_id,
  };
}

/**
 * Whether a stored entry's hash is right. The installation may have switched between SM3 and
 * SHA-256 over the years, so either is accepted; both resist forgery.
 */
export function entryHashMatches(alg: HashAlg, e: StoredEntry): boolean {
  const f = fieldsOf(e);
  if (entryHash(alg, f) === e.entry_hash) return true;
  return entryHash(alg === 'sm3' ? 'sha256' : 'sm3', f) === e.entry_hash;
}

/** Columns to select for `StoredEntry`. */
export const STORED_ENTRY_COLUMNS = [
  'id',
  'region_code',
  'actor_id',
  'actor_type',
  'action',
  'object_type',
  'object_id',
  'change_digest',
  'summary',
  'request_id',
  'lane',
  'chain_pos',
  'prev_hash',
  'entry_hash',
] as const;

export interface ChainHead {
  lane: number;
  seq: number;
  hash: string;
}

/** Which lane to take: any free one of lanes 0…`lanes`-1, or exactly `lane`. */
export type LaneChoice = { lanes: number } | { lane: number };

/**
 * Takes a chain head for the caller's transaction and returns it, in one round trip. The head's row
 * lock serialises appends in its lane until the transaction ends: a second writer in that lane
 * waits until the first commits or rolls back, then sees its head, so each lane's positions are
 * gap-free in commit order.
 *
 * `{ lanes: L }` takes the lowest lane below L whose head no other transaction holds
 * (`FOR UPDATE SKIP LOCKED`), so writers on different connections do not wait on each other until
 * L of them write at once; a single writer always links in lane 0. When every existing head is
 * held, a lane that has no head yet gets one (lane 0 first, then from the lane its connection
 * number picks, so that writers starting at once pick different ones); only when all L exist and
 * are held does the writer wait, on the lane its connection number picks (spreading such waits
 * over the lanes). A head created by a transaction still open is not seen by others, who may pick
 * the same lane and wait for it: this happens only while the lanes are first being created.
 * `{ lane }` takes that lane, waiting for it if need be. Either way INSERT … ON CONFLICT DO UPDATE
 * creates a head on first use and locks it, reading the newest committed version.
 */
export async function lockHead(trx: Executor, choice: LaneChoice): Promise<ChainHead> {
  const r = await lockHeadSql(choice).execute(trx);
  const head = r.rows[0];
  return { lane: Number(head.id), seq: Number(head.seq), hash: head.hash };
}

/** `lockHead`'s statement; `table` is another table of the same shape only for bench/scale.bench.ts. */
export function lockHeadSql(choice: LaneChoice, table = 'kernel_audit_head'): RawBuilder<{ id: number; seq: number | string; hash: string }> {
  const head = sql.table(table);
  if ('lane' in choice) {
    return sql`
    INSERT INTO ${head} (id, seq, hash) VALUES (${choice.lane}, 0, ${GENESIS})
    ON CONFLICT (id) DO UPDATE SET seq = ${head}.seq
    RETURNING id, seq, hash`;
  }
  const lanes = sql`${choice.lanes}::int`;
  return sql`
    WITH free AS MATERIALIZED (
      SELECT id, seq, hash FROM ${head} WHERE id < ${lanes} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
    ), taken AS (
      INSERT INTO ${head} (id, seq, hash)
      SELECT coalesce(
               (SELECT g FROM generate_series(0, ${lanes} - 1) g WHERE NOT EXISTS (SELECT 1 FROM ${head} h WHERE h.id = g)
                 ORDER BY g <> 0, (g + ${lanes} - pg_backend_pid() % ${lanes}) % ${lanes} LIMIT 1),
               pg_backend_pid() % ${lanes}
             ), 0, ${GENESIS}
       WHERE NOT EXISTS (SELECT 1 FROM free)
      ON CONFLICT (id) DO UPDATE SET seq = ${head}.seq
      RETURNING id, seq, hash
    )
    SELECT id, seq, hash FROM free UNION ALL SELECT id, seq, hash FROM taken`;
}

/** Moves the head of `row`'s lane onto `row` (only if `onlyIf` holds, when given). */
export function moveHeadSql(row: LinkedAuditRow, onlyIf?: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`UPDATE kernel_audit_head SET seq = ${row.chain_pos}::bigint, hash = ${row.entry_hash}::text WHERE id = ${row.lane}::smallint${onlyIf ? sql` AND ${onlyIf}` : sql``}`;
}
