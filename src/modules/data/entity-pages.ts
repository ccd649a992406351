import { sql } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';

/** One market entity of the legal-entity base with its public credit-register facts (no ID numbers). */
export interface BaseEntityRow {
  creditCode: string;
  name: string;
  entityType: string | null;
  regionCode: string;
  establishedOn: string | null;
  /** 注册资本, yuan. */
  registeredCapital: number | null;
  status: string | null;
  address: string | null;
  legalRepName: string | null;
  blackListed: boolean;
  penaltiesOnRecord: number;
}

/**
 * The legal-entity base (法人基础库, FR-ENTITY) read page by page for a region, with the public
 * credit register (XY-CREDIT) joined: what the regulation module's 名录库 and 画像 need. Read-only;
 * the legal representative's ID number (encrypted, indexed or masked) is never selected. A credit
 * code held by more than one row (a re-registration) counts once, as its latest row says.
 */
export class EntityPages {
  constructor(private readonly k: Kernel) {}

  /**
   * Entities whose region starts with `regionCode`, in credit-code order, after `after`. Walks the
   * credit-code index (no sort of the whole table per page); an older row of a code is skipped.
   */
  async page(regionCode: string, after: string | null, limit: number): Promise<BaseEntityRow[]> {
    const n = Math.max(1, Math.min(5000, Math.floor(limit)));
    const r = await sql<Row>`
      SELECT ${COLUMNS}
        FROM data_entity e ${CREDIT}
       WHERE e.credit_code > ${after ?? ''} AND e.region_code LIKE ${`${regionCode.replace(/[^0-9]/g, '')}%`}
         AND NOT EXISTS (SELECT 1 FROM data_entity l WHERE l.credit_code = e.credit_code AND (l.updated_at, l.id) > (e.updated_at, e.id))
       ORDER BY e.credit_code
       LIMIT ${n}`.execute(this.k.db);
    return r.rows.map(view);
  }

  async one(creditCode: string): Promise<BaseEntityRow | null> {
    const r = await sql<Row>`
      SELECT ${COLUMNS} FROM data_entity e ${CREDIT}
       WHERE e.credit_code = ${creditCode.toUpperCase()}
       ORDER BY e.updated_at DESC LIMIT 1`.execute(this.k.db);
    return r.rows[0] ? view(r.rows[0]) : null;
  }
}

interface Row {
  credit_code: string;
  name: string | null;
  entity_type: string | null;
  region_code: string;
  established: string | null;
  registered_capital: number | string | null;
  status: string | null;
  address: string | null;
  legal_rep_name: string | null;
  black_list: boolean | null;
  penalties: number | null;
}

const COLUMNS = sql`e.credit_code, e.name, e.entity_type, e.region_code, e.established_on::text AS established, e.registered_capital,
  e.status, e.address, e.legal_rep_name, c.black_list, c.penalties`;
// The latest credit-register row of the entity, if any.
const CREDIT = sql`LEFT JOIN LATERAL (
  SELECT black_list, penalties FROM data_credit c WHERE c.credit_code = e.credit_code ORDER BY c.updated_at DESC LIMIT 1) c ON true`;

function view(r: Row): BaseEntityRow {
  return {
    creditCode: r.credit_code,
    name: r.name ?? r.credit_code,
    entityType: r.entity_type,
    regionCode: r.region_code,
    establishedOn: r.established,
    registeredCapital: r.registered_capital == null ? null : Number(r.registered_capital),
    status: r.status,
    address: r.address,
    legalRepName: r.legal_rep_name,
    blackListed: r.black_list === true,
    penaltiesOnRecord: Number(r.penalties ?? 0),
  };
}
