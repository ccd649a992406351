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

export function entryHash(alg: HashAlg, f: HashedFields): string {
  return digest(
    alg,
    `${f.prevHash}\n${canonicalJson({
      v: 2,
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
  chain_pos: number | string | null;
  prev_hash: string | null;
  entry_hash: string | null;
}

export function fieldsOf(e: StoredEntry, chainPos = Number(e.chain_pos), prevHash = e.prev_hash ?? ''): HashedFields {
  return {
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
  'chain_pos',
  'prev_hash',
  'entry_hash',
] as const;

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Takes the chain head for the caller's transaction and returns it. The row lock serialises
 * appends: a second writer waits here until the first commits or rolls back, then sees its head,
 * so positions are gap-free in commit order. (ON CONFLICT … DO UPDATE both creates the head on
 * the first write and locks it, reading the newest committed version in one round trip.)
 */
export async function lockHead(trx: Executor): Promise<ChainHead> {
  const r = await sql<{ seq: number | string; hash: string }>`
    INSERT INTO kernel_audit_head (id, seq, hash) VALUES (1, 0, ${GENESIS})
    ON CONFLICT (id) DO UPDATE SET seq = kernel_audit_head.seq
    RETURNING seq, hash`.execute(trx);
  const head = r.rows[0];
  return { seq: Number(head.seq), hash: head.hash };
}

/** Moves the head onto `row` (only if `onlyIf` holds, when given). */
export function moveHeadSql(row: LinkedAuditRow, onlyIf?: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`UPDATE kernel_audit_head SET seq = ${row.chain_pos}::bigint, hash = ${row.entry_hash}::text WHERE id = 1${onlyIf ? sql` AND ${onlyIf}` : sql``}`;
}
