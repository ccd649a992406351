import { sql } from 'kysely';
import type { HashAlg } from '../crypto/hash.ts';
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

/** One thing wrong with the ledger, named: which position / entry / checkpoint, and what. */
export interface AuditProblem {
  kind: ProblemKind;
  /** The chain position concerned (the first one, for a range). */
  chainPos: number;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Entries in the chain (positions 1…linked when intact). */
  linked: number;
  /** Entries outside the chain: none unless someone inserted rows behind the writers' back. */
  unlinked: number;
  oldestUnlinkedAt: Date | null;
  checkpoints: number;
  witness: { name: string; checkpoints: number; lastPos: number | null; at: string | null; notYetWitnessed: number } | null;
  /** Every problem found, by position. */
  problems: AuditProblem[];
  /** The first problem (kept for callers that name one). */
  broken?: AuditProblem;
}

const PAGE = 5000;
const MAX_PROBLEMS = 200;

interface Checkpoint {
  chain_pos: number;
  entry_hash: string;
  hash_alg: HashAlg;
  public_key: string;
  signature: string;
  at_text: string;
}

/** The message a checkpoint's SM2 signature covers. */
export function checkpointMessage(c: { pos: number; hash: string; alg: HashAlg; at: string }): string {
  return `yiwang-audit-checkpoint/2|${c.alg}|${c.pos}|${c.hash}|${c.at}`;
}

function signedByUs(c: { pos: number; hash: string; alg: HashAlg; at: string; publicKey: string; signature: string }, publicKey: string): boolean {
  return c.publicKey === publicKey && PlatformCrypto.verify(checkpointMessage(c), c.signature, c.publicKey);
}

/**
 * Walks the whole ledger and only reads: recomputes every entry's hash and link, checks positions
 * are gap-free, the chain head, every checkpoint's signature and hash, and compares the chain with
 * the witness outside the database. Every problem is named; nothing is linked, signed or written.
 */
export async function verifyLedger(db: Executor, alg: HashAlg, publicKey: string, witness: AuditWitness | null): Promise<VerifyReport> {
  const problems: AuditProblem[] = [];
  const problem = (kind: ProblemKind, chainPos: number, entryId: string | null, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ kind, chainPos, entryId, reason });
  };

  // Read before the walk: entries written while it runs come after the head read here, so a live
  // ledger is never mistaken for a truncated one.
  const head = await db.selectFrom('kernel_audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const checkpoints = (await db
    .selectFrom('kernel_audit_checkpoint')
    .select(['chain_pos', 'entry_hash', 'hash_alg', 'public_key', 'signature', atTextSql('at').as('at_text')])
    .orderBy('chain_pos')
    .execute()) as Checkpoint[];
  for (const c of checkpoints) c.chain_pos = Number(c.chain_pos);
  const cpAt = new Map(checkpoints.map((c) => [c.chain_pos, c]));
  for (const c of checkpoints) {
    if (!signedByUs({ pos: c.chain_pos, hash: c.entry_hash, alg: c.hash_alg, at: c.at_text, publicKey: c.public_key, signature: c.signature }, publicKey)) {
      problem('checkpoint-forged', c.chain_pos, null, `checkpoint ${c.chain_pos}: signature invalid / 检查点签名无效`);
    }
  }

  let witnessed: WitnessRecord[] = [];
  let report: VerifyReport['witness'] = null;
  if (witness) {
    const w = await witness.read();
    for (const u of w.unreadable) problem('witness-unreadable', 0, null, `witness record ${u} unreadable / 见证记录无法读取`);
    for (const r of w.records) {
      if (!signedByUs(r, publicKey)) problem('witness-forged', r.pos, null, `witness checkpoint ${r.pos}: signature invalid / 见证检查点签名无效`);
      else witnessed.push(r);
    }
    witnessed = witnessed.sort((a, b) => a.pos - b.pos);
    const last = witnessed[witnessed.length - 1];
    report = { name: witness.name, checkpoints: witnessed.length, lastPos: last?.pos ?? null, at: last?.at ?? null, notYetWitnessed: 0 };
  }

  // Hashes at the positions some checkpoint speaks of, collected during the walk.
  const wanted = new Set<number>([headSeq, ...checkpoints.map((c) => c.chain_pos), ...witnessed.map((r) => r.pos)]);
  const hashAt = new Map<number, string>();

  let expectPos = 1;
  let prev = GENESIS;
  let linked = 0;
  for (;;) {
    const page = (await db
      .selectFrom('kernel_audit_entry')
      .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
      .where('chain_pos', '>=', expectPos)
      .orderBy('chain_pos')
      .limit(PAGE)
      .execute()) as StoredEntry[];
    if (page.length === 0) break;
    for (const e of page) {
      const pos = Number(e.chain_pos);
      if (pos > expectPos) {
        problem('entries-missing', expectPos, null, `entries ${expectPos}${pos - 1 > expectPos ? `–${pos - 1}` : ''} missing / 条目缺失`);
      } else if (e.prev_hash !== prev) {
        problem('link-broken', pos, e.id, `entry ${pos}: link to entry ${pos - 1} broken / 与前一条目的链接断开`);
      }
      if (!entryHashMatches(alg, e)) problem('entry-altered', pos, e.id, `entry ${pos}: altered (its hash no longer matches its fields) / 条目被篡改`);
      if (wanted.has(pos)) hashAt.set(pos, e.entry_hash ?? '');
      prev = e.entry_hash ?? '';
      expectPos = pos + 1;
      linked += 1;
    }
  }
  const end = expectPos - 1;

  const unl = await db
    .selectFrom('kernel_audit_entry')
    .select([sql<number>`count(*)`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
    .where('chain_pos', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(unl.n) > 0) {
    const some = await db.selectFrom('kernel_audit_entry').select('id').where('chain_pos', 'is', null).orderBy('at').orderBy('id').limit(5).execute();
    for (const s of some) problem('entry-unlinked', end + 1, s.id, `entry ${s.id}: inserted outside the chain / 条目未入链（绕过写入路径插入）`);
  }

  // The end of the chain must be where the head, the checkpoints and the witness say it is.
  const claims: string[] = [];
  let claimedEnd = end;
  if (headSeq > end) {
    claims.push(`the chain head is at ${headSeq}`);
    claimedEnd = Math.max(claimedEnd, headSeq);
  }
  const lastCp = checkpoints[checkpoints.length - 1];
  if (lastCp && lastCp.chain_pos > end) {
    claims.push(`checkpoint ${lastCp.chain_pos} was signed at ${lastCp.at_text}`);
    claimedEnd = Math.max(claimedEnd, lastCp.chain_pos);
  }
  const lastW = witnessed[witnessed.length - 1];
  if (lastW && lastW.pos > end) {
    claims.push(`the witness holds checkpoint ${lastW.pos} signed at ${lastW.at}`);
    claimedEnd = Math.max(claimedEnd, lastW.pos);
  }
  if (claims.length) {
    problem('tail-removed', end + 1, null, `entries ${end + 1}–${claimedEnd} removed: the chain ends at ${end} but ${claims.join(', ')} / 链尾条目被删除`);
  } else if (head && headSeq > 0 && hashAt.has(headSeq) && hashAt.get(headSeq) !== head.hash) {
    problem('head-mismatch', headSeq, null, `entry ${headSeq}: differs from the chain head / 与链头不符`);
  }

  // A checkpoint says what the chain was at its position when signed.
  const before = (pos: number, list: { pos: number }[]) => list.filter((c) => c.pos < pos).reduce((m, c) => Math.max(m, c.pos), 0);
  const cpList = checkpoints.map((c) => ({ pos: c.chain_pos }));
  for (const c of checkpoints) {
    const h = hashAt.get(c.chain_pos);
    if (c.chain_pos <= end && h !== undefined && h !== c.entry_hash) {
      const from = before(c.chain_pos, cpList) + 1;
      problem(
        'checkpoint-mismatch',
        c.chain_pos,
        null,
        `entry ${c.chain_pos} differs from checkpoint ${c.chain_pos} (signed ${c.at_text}): entries ${from}–${c.chain_pos} were changed and re-linked / 条目与签名检查点不符（被改动后重新链接）`,
      );
    }
  }

  if (witness && report) {
    const wList = witnessed.map((r) => ({ pos: r.pos }));
    const byPos = new Map<number, WitnessRecord>();
    for (const r of witnessed) {
      const seen = byPos.get(r.pos);
      if (seen && seen.hash !== r.hash)
        problem(
          'witness-mismatch',
          r.pos,
          null,
          `the witness holds two different checkpoints at ${r.pos} (${seen.at}, ${r.at}): the chain was rewritten after the first / 见证中同一位置有两个不同检查点`,
        );
      if (!seen) byPos.set(r.pos, r);
    }
    for (const r of byPos.values()) {
      const h = hashAt.get(r.pos);
      if (r.pos <= end && h !== undefined && h !== r.hash) {
        const from = before(r.pos, wList) + 1;
        problem(
          'witness-mismatch',
          r.pos,
          null,
          `entry ${r.pos} differs from the witnessed checkpoint ${r.pos} (signed ${r.at}): entries ${from}–${r.pos} were changed or removed and the chain re-linked / 条目与见证检查点不符`,
        );
      }
      const c = cpAt.get(r.pos);
      if (!c) problem('checkpoint-deleted', r.pos, null, `checkpoint ${r.pos} (signed ${r.at}) is in the witness but was deleted from the database / 检查点被删除`);
      else if (c.entry_hash !== r.hash) problem('checkpoint-altered', r.pos, null, `checkpoint ${r.pos} in the database differs from the witness / 检查点与见证不符`);
    }
    const lastWitnessed = lastW?.pos ?? 0;
    for (const c of checkpoints) {
      if (byPos.has(c.chain_pos)) continue;
      // Checkpoints are witnessed in order: one missing below the last witnessed was added later.
      if (c.chain_pos < lastWitnessed)
        problem('checkpoint-not-witnessed', c.chain_pos, null, `checkpoint ${c.chain_pos} is not in the witness although later ones are: added afterwards / 检查点不在见证中`);
      else report.notYetWitnessed += 1;
    }
  }

  problems.sort((a, b) => a.chainPos - b.chainPos);
  return {
    ok: problems.length === 0,
    linked,
    unlinked: Number(unl.n),
    oldestUnlinkedAt: unl.oldest ? new Date(unl.oldest) : null,
    checkpoints: checkpoints.length,
    witness: report,
    problems,
    ...(problems[0] ? { broken: problems[0] } : {}),
  };
}
