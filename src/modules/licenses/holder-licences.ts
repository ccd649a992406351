import { sql } from 'kysely';
import { cstDate } from '../../kernel/calendar/working-time.ts';
import type { Kernel } from '../../kernel/index.ts';
import { licensesDb } from './tables.ts';

/** One licence an entity holds, as supervision reads it (read-only; no holder codes leave the module). */
export interface HolderLicence {
  id: string;
  typeCode: string;
  typeName: string;
  number: string;
  /** As a reader should see it now: a valid licence past its last day is expired. */
  state: string;
  issuedAt: string;
  expiresAt: string | null;
  issuerName: string;
}

/** The licences of entity holders by credit code, and valid/revoked counts for many at once (supervision, credit indicators). */
export interface HolderLicences {
  of(creditCode: string): Promise<HolderLicence[]>;
  counts(creditCodes: string[]): Promise<Map<string, { valid: number; revoked: number }>>;
}

/**
 * Holders are found through the blind index the licences are stored under (never by decrypting),
 * so a credit code is turned into its index here and the answer is keyed back by code. Superseded
 * versions are left out: the newer version is the licence.
 */
export function holderLicences(k: Kernel, indexOf: (code: string) => string): HolderLicences {
  return {
    async of(creditCode) {
      const rows = await licensesDb(k.db)
        .selectFrom('licenses_licence')
        .select(['id', 'type_key', 'name', 'licence_no', 'status', 'issued_on', 'valid_until', 'issuer_name'])
        .where('holder_index', '=', indexOf(creditCode))
        .where('holder_type', '=', 'entity')
        .where('status', '<>', 'superseded')
        .orderBy('issued_on', 'desc')
        .limit(200)
        .execute();
      const today = cstDate(k.clock.now());
      return rows.map((r) => ({
        id: r.id,
        typeCode: r.type_key,
        typeName: r.name,
        number: r.licence_no,
        state: r.status === 'valid' && r.valid_until && r.valid_until < today ? 'expired' : r.status,
        issuedAt: r.issued_on,
        expiresAt: r.valid_until,
        issuerName: r.issuer_name,
      }));
    },
    async counts(creditCodes) {
      const byIndex = new Map(creditCodes.map((c) => [indexOf(c), c]));
      const out = new Map<string, { valid: number; revoked: number }>();
      if (byIndex.size === 0) return out;
      const today = cstDate(k.clock.now());
      const r = await sql<{ holder_index: string; valid: string; revoked: string }>`
        SELECT holder_index,
               count(*) FILTER (WHERE status = 'valid' AND (valid_until IS NULL OR valid_until >= ${today})) AS valid,
               count(*) FILTER (WHERE status = 'revoked') AS revoked
          FROM licenses_licence
         WHERE holder_type = 'entity' AND holder_index = ANY(${[...byIndex.keys()]}::text[])
         GROUP BY holder_index`.execute(k.db);
      for (const row of r.rows) out.set(byIndex.get(row.holder_index)!, { valid: Number(row.valid), revoked: Number(row.revoked) });
      return out;
    },
  };
}
