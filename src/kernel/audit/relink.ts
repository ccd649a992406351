import { sql } from 'kysely';
import { canonicalJson, digest, type HashAlg } from '../crypto/hash.ts';
import { PlatformCrypto } from '../crypto/index.ts';
import type { Db, Executor } from '../db/index.ts';
import { GENESIS, STORED_ENTRY_COLUMNS, atTextSql, entryHash, fieldsOf, type StoredEntry } from './chain.ts';

const BATCH = 5000;

export type LegacyEntry = StoredEntry & { at: Date };

/** The hash of the earlier scheme (linked by the sealer): without request_id, time to the millisecond. */
export function legacyHash(alg: HashAlg, prevHash: string, e: LegacyEntry): string {
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

/** Checks the earlier chain as its own verify did; says whether it was intact when re-linked. */
async function checkLegacy(trx: Executor, alg: HashAlg): Promise<string> {
  const cps = await trx.selectFrom('kernel_audit_checkpoint_v1').selectAll().orderBy('chain_pos').execute();
  for (const c of cps) {
    if (!PlatformCrypto.verify(`${c.chain_pos}:${c.entry_hash}`, c.signature, c.public_key)) return `broken at ${c.chain_pos}: checkpoint signature invalid`;
  }
  const cpAt = new Map(cps.map((c) => [Number(c.chain_pos), c]));
  let expect = 1;
  let prev = GENESIS;
  let cpIdx = 0;
  for (;;) {
    const page = (await trx
      .selectFrom('kernel_audit_entry')
      .select([...STORED_ENTRY_COLUMNS, 'at', atTextSql('at').as('at_text')])
      .where('chain_pos', '>=', expect)
      .orderBy('chain_pos')
      .limit(BATCH)
      .execute()) as LegacyEntry[];
    if (page.length === 0) break;
    for (const e of page) {
      const pos = Number(e.chain_pos);
      if (pos !== expect) return `broken at ${expect}: entry missing`;
      while (cpIdx < cps.length && Number(cps[cpIdx].chain_pos) < pos) cpIdx += 1;
      const entryAlg = (cps[cpIdx]?.hash_alg ?? alg) as HashAlg;
      if (e.prev_hash !== prev) return `broken at ${pos}: link broken`;
      if (legacyHash(entryAlg, prev, e) !== e.entry_hash) return `broken at ${pos}: entry altered`;
      const cp = cpAt.get(pos);
      if (cp && cp.entry_hash !== e.entry_hash) return `broken at ${pos}: differs from checkpoint`;
      prev = e.entry_hash ?? '';
      expect += 1;
    }
  }
  const last = cps[cps.length - 1];
  if (last && Number(last.chain_pos) >= expect) return `broken at ${expect}: entries after ${expect - 1} removed`;
  return 'intact';
}

/**
 * Re-links a ledger of the earlier scheme under the current one, once: linked entries keep their
 * order and come first, entries the sealer had not linked yet follow by time. The earlier
 * checkpoints stay in `kernel_audit_checkpoint_v1` for the record; whether the earlier chain was
 * intact at this moment is written into the ledger itself (`kernel.audit` `chain-relinked`).
 * Whoever creates the chain head does this; a second process waits for it and finds it done.
 */
export async function relinkLegacyChain(
  db: Db,
  alg: HashAlg,
  /** Appends an entry in lane 0. */
  append: (
    trx: Executor,
    input: { actor: { id: string; type: 'system' }; action: string; objectType: string; objectId: string; regionCode: string; change: unknown; summary: Record<string, unknown> },
  ) => Promise<string>,
  regionCode: string,
): Promise<{ entries: number; previousChain: string } | null> {
  return db.transaction().execute(async (trx) => {
    // A new ledger gets its head from its first writer; writing one here would make a freshly
    // migrated database look non-empty to `yiwang restore`.
    const any = await trx.selectFrom('kernel_audit_entry').select('id').limit(1).executeTakeFirst();
    if (!any) return null;
    // The earlier chain becomes lane 0 (every entry's `lane` is 0). A ledger with any head, in any
    // lane, is not of the earlier scheme.
    const claimed = await sql`
      INSERT INTO kernel_audit_head (id, seq, hash) SELECT 0, 0, ${GENESIS} WHERE NOT EXISTS (SELECT 1 FROM kernel_audit_head)
      ON CONFLICT (id) DO NOTHING RETURNING id`.execute(trx);
    if (claimed.rows.length === 0) return null;
    const previousChain = await checkLegacy(trx, alg);
    // Negative positions keep the old order without colliding with the new ones.
    await sql`UPDATE kernel_audit_entry SET chain_pos = -chain_pos WHERE chain_pos IS NOT NULL`.execute(trx);
    let pos = 0;
    let prev = GENESIS;
    for (;;) {
      const page = (await trx
        .selectFrom('kernel_audit_entry')
        .select([...STORED_ENTRY_COLUMNS, atTextSql('at').as('at_text')])
        .where((eb) => eb.or([eb('chain_pos', 'is', null), eb('chain_pos', '<', 0)]))
        .orderBy(sql`chain_pos IS NULL`)
        .orderBy('chain_pos', 'desc')
        .orderBy('at')
        .orderBy('id')
        .limit(BATCH)
        .execute()) as StoredEntry[];
      if (page.length === 0) break;
      const linked = page.map((e) => {
        pos += 1;
        const hash = entryHash(alg, fieldsOf(e, pos, prev));
        const l = sql`(${e.id}::uuid, ${pos}::bigint, ${prev}, ${hash})`;
        prev = hash;
        return l;
      });
      await sql`
        UPDATE kernel_audit_entry e SET chain_pos = v.pos, prev_hash = v.prev, entry_hash = v.hash
          FROM (VALUES ${sql.join(linked)}) AS v(id, pos, prev, hash)
         WHERE e.id = v.id`.execute(trx);
    }
    await sql`UPDATE kernel_audit_head SET seq = ${pos}, hash = ${prev} WHERE id = 0`.execute(trx);
    await append(trx, {
      actor: { id: 'system', type: 'system' },
      action: 'chain-relinked',
      objectType: 'kernel.audit',
      objectId: 'ledger',
      regionCode,
      change: { entries: pos, previousChain },
      summary: { entries: pos, previousChain },
    });
    return { entries: pos, previousChain };
  });
}
