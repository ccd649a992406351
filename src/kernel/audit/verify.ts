import { sql } from 'kysely';
import { digest, type HashAlg } from '../crypto/hash.ts';
import { PlatformCrypto } from '../crypto/index.ts';
import type { Executor } from '../db/index.ts';
import { GENESIS, STORED_ENTRY_COLUMNS, atTextSql, entryHashMatches, type StoredEntry } from './chain.ts';
import type { AuditWitness, WitnessRecord } from './witness.ts';

export type ProblemKind =
  | 'entry-altered'
  | 'link-broken'
  | 'entries-missing'
  | 'entry-unlinked'
  | 'tail-removed'
  | 'head-mismatch'
  | 'checkpoint-forged'
  | 'checkpoint-mismatch'
  | 'checkpoint-deleted'
  | 'checkpoint-altered'
  | 'checkpoint-not-witnessed'
  | 'witness-forged'
  | 'witness-mismatch'
  | 'witness-unreadable';

/** One thing wrong with the ledger, named: which lane, position / entry / checkpoint, and what. */
export interface AuditProblem {
  kind: ProblemKind;
  /** The lane concerned; null for a problem of a checkpoint or witness record as a whole. */
  lane: number | null;
  /** The position in the lane concerned (the first one, for a range); a checkpoint's own position when `lane` is null. */
  chainPos: number;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Entries in the chains (in each lane, positions 1…n when intact), over all lanes. */
  linked: number;
  /** Each lane that has entries or a head: its entries and its head's position. */
  lanes: { lane: number; linked: number; head: number | null }[];
  /** Entries outside the chain: none unless someone inserted rows behind the writers' back. */
  unlinked: number;
  oldestUnlinkedAt: Date | null;
  checkpoints: number;
  witness: { name: string; checkpoints: number; lastPos: number | null; at: string | null; notYetWitnessed: number } | null;
  /** Every problem found, by lane and position. */
  problems: AuditProblem[];
  /** The first problem (kept for callers that name one). */
  broken?: AuditProblem;
}

const PAGE = 5000;
const MAX_PROBLEMS = 200;

/** One lane's head as a checkpoint records it. */
export interface LaneHead {
  lane: number;
  pos: number;
  hash: string;
}

/** What a checkpoint signs, in the database or a witness. */
export interface SignedCheckpoint {
  /** Lane 0's position for a lane-0 checkpoint; the sum of every lane's position otherwise. */
  pos: number;
  /** Lane 0's head hash, or `lanesDigest` of `lanes`. */
  hash: string;
  alg: HashAlg;
  at: string;
  /** Every lane's head; absent (or null) for a checkpoint of lane 0 alone, as before there were lanes. */
  lanes?: LaneHead[] | null;
}

function lanesText(lanes: LaneHead[]): string {
  return lanes.map((l) => `${l.lane}:${l.pos}:${l.hash}`).join(',');
}

/** The `hash` of a checkpoint covering several lanes. */
export function lanesDigest(alg: HashAlg, lanes: LaneHead[]): string {
  return digest(alg, lanesText(lanes));
}

/** The message a checkpoint's SM2 signature covers. */
export function checkpointMessage(c: SignedCheckpoint): string {
  if (!c.lanes) return `yiwang-audit-checkpoint/2|${c.alg}|${c.pos}|${c.hash}|${c.at}`;
  return `yiwang-audit-checkpoint/3|${c.alg}|${c.pos}|${c.hash}|${c.at}|${lanesText(c.lanes)}`;
}

/** The heads a checkpoint speaks of, by lane. */
export function headsOf(c: SignedCheckpoint): Map<number, { pos: number; hash: string }> {
  return new Map(c.lanes ? c.lanes.map((l) => [l.lane, { pos: l.pos, hash: l.hash }]) : [[0, { pos: c.pos, hash: c.hash }]]);
}

function signedByUs(c: SignedCheckpoint & { publicKey: string; signature: string }, publicKey: string): boolean {
  if (c.lanes && c.hash !== lanesDigest(c.alg, c.lanes)) return false;
  return c.publicKey === publicKey && PlatformCrypto.verify(checkpointMessage(c), c.signature, c.publicKey);
}

/** How a reason names a lane: nothing for lane 0 (as before there were lanes). */
export function laneLabel(lane: number): string {
  return lane === 0 ? '' : `lane ${lane} / 第 ${lane} 链: `;
}

interface Checkpoint extends SignedCheckpoint {
  publicKey: string;
  signature: string;
}

interface LaneWalk {
  expect: number;
  prev: string;
  linked: number;
}

/**
 * Walks the whole ledger and only reads: recomputes every entry's hash and link, checks each
 * lane's positions are gap-free, each lane's head, every checkpoint's signature and the heads it
 * records, and compares the chains with the witness outside the database. Every problem is named;
 * nothing is linked, signed or written.
 */
export async function verifyLedger(db: Executor, alg: HashAlg, publicKey: string, witness: AuditWitness | null): Promise<VerifyReport> {
  const problems: AuditProblem[] = [];
  const problem = (kind: ProblemKind, lane: number | null, chainPos: number, entryId: string | null, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ kind, lane, chainPos, entryId, reason });
  };

  // Read before the walk: entries written while it runs come after the heads read here, so a live
  // ledger is never mistaken for a truncated one.
  const heads = new Map((await db.selectFrom('kernel_audit_head').select(['id', 'seq', 'hash']).execute()).map((h) => [Number(h.id), { seq: Number(h.seq), hash: h.hash }]));
  const checkpoints: Checkpoint[] = (
    await db
      .selectFrom('kernel_audit_checkpoint')
      .select(['chain_pos', 'entry_hash', 'hash_alg', 'public_key', 'signature', 'lanes', atTextSql('at').as('at_text')])
      .orderBy('chain_pos')
      .execute()
  ).map((c) => ({
    pos: Number(c.chain_pos),
    hash: c.entry_hash,
    alg: c.hash_alg as HashAlg,
    at: c.at_text,
    lanes: (c.lanes as LaneHead[] | null) ?? null,
    publicKey: c.public_key,
    signature: c.signature,
  }));
  const cpAt = new Map(checkpoints.map((c) => [c.pos, c]));
  for (const c of checkpoints) {
    if (!signedByUs(c, publicKey)) problem('checkpoint-forged', null, c.pos, null, `checkpoint ${c.pos}: signature invalid / 检查点签名无效`);
  }

  let witnessed: WitnessRecord[] = [];
  let report: VerifyReport['witness'] = null;
  if (witness) {
    const w = await witness.read();
    for (const u of w.unreadable) problem('witness-unreadable', null, 0, null, `witness record ${u} unreadable / 见证记录无法读取`);
    for (const r of w.records) {
      if (!signedByUs(r, publicKey)) problem('witness-forged', null, r.pos, null, `witness checkpoint ${r.pos}: signature invalid / 见证检查点签名无效`);
      else witnessed.push(r);
    }
    witnessed = witnessed.sort((a, b) => a.pos - b.pos);
    const last = witnessed[witnessed.length - 1];
    report = { name: witness.name, checkpoints: witnessed.length, lastPos: last?.pos ?? null, at: last?.at ?? null, notYetWitnessed: 0 };
  }

  // Hashes at the positions some head or checkpoint speaks of (`lane:pos`), collected during the walk.
  const key = (lane: number, pos: number) => `${lane}:${pos}`;
  const wanted = new Set<string>();
  for (const [lane, h] of heads) wanted.add(key(lane, h.seq));
  for (const c of [...checkpoints, ...witnessed]) for (const [lane, h] of headsOf(c)) wanted.add(key(lane, h.pos));
  const hashAt = new Map<string, string>();

  const walks = new Map<number, LaneWalk>();
  let after: { lane: number; pos: number } | null = null;
  for (;;) {
    const from = after;
    const page = (await db
      .selectFrom('kernel_audit_entry')
      .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
      .where('chain_pos', 'is not', null)
      .$if(from !== null, (q) => q.where(sql<boolean>`(lane, chain_pos) > (${from!.lane}::smallint, ${from!.pos}::bigint)`))
      .orderBy('lane')
      .orderBy('chain_pos')
      .limit(PAGE)
      .execute()) as StoredEntry[];
    if (page.length === 0) break;
    for (const e of page) {
      const lane = Number(e.lane);
      const pos = Number(e.chain_pos);
      let w = walks.get(lane);
      if (!w) walks.set(lane, (w = { expect: 1, prev: GENESIS, linked: 0 }));
      const at = laneLabel(lane);
      if (pos > w.expect) {
        problem('entries-missing', lane, w.expect, null, `${at}entries ${w.expect}${pos - 1 > w.expect ? `–${pos - 1}` : ''} missing / 条目缺失`);
      } else if (e.prev_hash !== w.prev) {
        problem('link-broken', lane, pos, e.id, `${at}entry ${pos}: link to entry ${pos - 1} broken / 与前一条目的链接断开`);
      }
      if (!entryHashMatches(alg, e)) problem('entry-altered', lane, pos, e.id, `${at}entry ${pos}: altered (its hash no longer matches its fields) / 条目被篡改`);
      if (wanted.has(key(lane, pos))) hashAt.set(key(lane, pos), e.entry_hash ?? '');
      w.prev = e.entry_hash ?? '';
      w.expect = pos + 1;
      w.linked += 1;
      after = { lane, pos };
    }
  }
  const endOf = (lane: number) => (walks.get(lane)?.expect ?? 1) - 1;

  const unl = await db
    .selectFrom('kernel_audit_entry')
    .select([sql<number>`count(*)`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
    .where('chain_pos', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(unl.n) > 0) {
    const some = await db.selectFrom('kernel_audit_entry').select(['id', 'lane']).where('chain_pos', 'is', null).orderBy('at').orderBy('id').limit(5).execute();
    for (const s of some) {
      const lane = Number(s.lane);
      problem('entry-unlinked', lane, endOf(lane) + 1, s.id, `${laneLabel(lane)}entry ${s.id}: inserted outside the chain / 条目未入链（绕过写入路径插入）`);
    }
  }

  // Every lane anything speaks of.
  const lanes = new Set<number>([...heads.keys(), ...walks.keys()]);
  for (const c of [...checkpoints, ...witnessed]) for (const lane of headsOf(c).keys()) lanes.add(lane);
  // A lane whose head appeared during the walk is live, not headless.
  const headless = [...lanes].filter((l) => !heads.has(l) && endOf(l) > 0);
  const lateHeads = headless.length ? new Set((await db.selectFrom('kernel_audit_head').select('id').where('id', 'in', headless).execute()).map((h) => Number(h.id))) : new Set<number>();

  /** The furthest position in `lane` any of `list` claims, and which one claims it. */
  const furthest = <T extends SignedCheckpoint>(list: T[], lane: number) => {
    let best: { pos: number; by: T } | null = null;
    for (const c of list) {
      const h = headsOf(c).get(lane);
      if (h && (!best || h.pos > best.pos)) best = { pos: h.pos, by: c };
    }
    return best;
  };

  // The end of each lane must be where its head, the checkpoints and the witness say it is.
  for (const lane of [...lanes].sort((a, b) => a - b)) {
    const end = endOf(lane);
    const head = heads.get(lane);
    const headSeq = head?.seq ?? 0;
    const at = laneLabel(lane);
    const claims: string[] = [];
    let claimedEnd = end;
    if (headSeq > end) {
      claims.push(`the chain head is at ${headSeq}`);
      claimedEnd = Math.max(claimedEnd, headSeq);
    }
    const cp = furthest(checkpoints, lane);
    if (cp && cp.pos > end) {
      claims.push(`checkpoint ${cp.by.pos} was signed at ${cp.by.at}`);
      claimedEnd = Math.max(claimedEnd, cp.pos);
    }
    const wr = furthest(witnessed, lane);
    if (wr && wr.pos > end) {
      claims.push(`the witness holds checkpoint ${wr.by.pos} signed at ${wr.by.at}`);
      claimedEnd = Math.max(claimedEnd, wr.pos);
    }
    if (claims.length) {
      problem('tail-removed', lane, end + 1, null, `${at}entries ${end + 1}–${claimedEnd} removed: the chain ends at ${end} but ${claims.join(', ')} / 链尾条目被删除`);
    } else if (head && headSeq > 0 && hashAt.has(key(lane, headSeq)) && hashAt.get(key(lane, headSeq)) !== head.hash) {
      problem('head-mismatch', lane, headSeq, null, `${at}entry ${headSeq}: differs from the chain head / 与链头不符`);
    } else if (!head && end > 0 && !lateHeads.has(lane)) {
      problem('head-mismatch', lane, end, null, `${at}entries 1–${end} have no chain head: it was deleted / 链头被删除`);
    }
  }

  // A checkpoint says what each lane was at its position when signed. `before` is the furthest an
  // earlier one of `list` got in that lane.
  const before = (list: SignedCheckpoint[], lane: number, pos: number) =>
    furthest(
      list.filter((c) => c.pos < pos),
      lane,
    )?.pos ?? 0;
  const entriesDiffer = (c: SignedCheckpoint, list: SignedCheckpoint[]) => {
    const out: { lane: number; pos: number; from: number }[] = [];
    for (const [lane, h] of headsOf(c)) {
      const got = hashAt.get(key(lane, h.pos));
      if (h.pos > 0 && h.pos <= endOf(lane) && got !== undefined && got !== h.hash) out.push({ lane, pos: h.pos, from: before(list, lane, c.pos) + 1 });
    }
    return out;
  };
  for (const c of checkpoints) {
    for (const d of entriesDiffer(c, checkpoints)) {
      problem(
        'checkpoint-mismatch',
        d.lane,
        d.pos,
        null,
        `${laneLabel(d.lane)}entry ${d.pos} differs from checkpoint ${c.pos} (signed ${c.at}): entries ${d.from}–${d.pos} were changed and re-linked / 条目与签名检查点不符（被改动后重新链接）`,
      );
    }
  }

  if (witness && report) {
    const byPos = new Map<number, WitnessRecord>();
    for (const r of witnessed) {
      const seen = byPos.get(r.pos);
      if (seen && seen.hash !== r.hash)
        problem(
          'witness-mismatch',
          null,
          r.pos,
          null,
          `the witness holds two different checkpoints at ${r.pos} (${seen.at}, ${r.at}): the chain was rewritten after the first / 见证中同一位置有两个不同检查点`,
        );
      if (!seen) byPos.set(r.pos, r);
    }
    for (const r of byPos.values()) {
      for (const d of entriesDiffer(r, witnessed)) {
        problem(
          'witness-mismatch',
          d.lane,
          d.pos,
          null,
          `${laneLabel(d.lane)}entry ${d.pos} differs from the witnessed checkpoint ${r.pos} (signed ${r.at}): entries ${d.from}–${d.pos} were changed or removed and the chain re-linked / 条目与见证检查点不符`,
        );
      }
      const c = cpAt.get(r.pos);
      if (!c) problem('checkpoint-deleted', null, r.pos, null, `checkpoint ${r.pos} (signed ${r.at}) is in the witness but was deleted from the database / 检查点被删除`);
      else if (c.hash !== r.hash) problem('checkpoint-altered', null, r.pos, null, `checkpoint ${r.pos} in the database differs from the witness / 检查点与见证不符`);
    }
    const lastWitnessed = witnessed[witnessed.length - 1]?.pos ?? 0;
    for (const c of checkpoints) {
      if (byPos.has(c.pos)) continue;
      // Checkpoints are witnessed in order: one missing below the last witnessed was added later.
      if (c.pos < lastWitnessed) problem('checkpoint-not-witnessed', null, c.pos, null, `checkpoint ${c.pos} is not in the witness although later ones are: added afterwards / 检查点不在见证中`);
      else report.notYetWitnessed += 1;
    }
  }

  problems.sort((a, b) => (a.lane ?? 0) - (b.lane ?? 0) || a.chainPos - b.chainPos);
  return {
    ok: problems.length === 0,
    linked: [...walks.values()].reduce((n, w) => n + w.linked, 0),
    lanes: [...lanes].sort((a, b) => a - b).map((lane) => ({ lane, linked: walks.get(lane)?.linked ?? 0, head: heads.get(lane)?.seq ?? null })),
    unlinked: Number(unl.n),
    oldestUnlinkedAt: unl.oldest ? new Date(unl.oldest) : null,
    checkpoints: checkpoints.length,
    witness: report,
    problems,
    ...(problems[0] ? { broken: problems[0] } : {}),
  };
}
