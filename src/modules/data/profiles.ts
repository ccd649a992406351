import { sql } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { dataDb } from './tables.ts';

/** What the population base (人口基础库, RK-POPULATION) says about one person. */
export interface PersonProfile {
  resource: 'RK-POPULATION';
  name: string | null;
  /** 性别 as 男 / 女. */
  sex: string | null;
  birthDate: string | null;
  nation: string | null;
  /** 户籍地区: the GB/T 2260 code of the household registration. */
  regionCode: string;
  /** 户籍地址. */
  address: string | null;
}

/** What the legal-entity base (法人基础库, FR-ENTITY) says about one market entity. */
export interface EntityProfile {
  resource: 'FR-ENTITY';
  name: string | null;
  creditCode: string;
  entityType: string | null;
  legalRepName: string | null;
  /** 注册资本, yuan, as the base stores it (text, so large amounts keep their digits). */
  registeredCapital: string | null;
  establishedOn: string | null;
  /** 住所. */
  address: string | null;
  status: string | null;
  regionCode: string;
}

/**
 * 只填一次: the base databases' facts about one person or one entity, read by their key, for forms
 * that would otherwise ask for them again. Only the applicant's own record is ever asked for (the
 * services module asks with the verified ID number or credit code); nothing here is masked because
 * the caller fills server-side form data with it and decides what a page may see.
 */
export class BaseProfiles {
  constructor(private readonly k: Kernel) {}

  async person(idNumber: string): Promise<PersonProfile | null> {
    const r = await dataDb(this.k.db)
      .selectFrom('data_population')
      .select(['name', 'sex', 'nation', 'region_code', 'address', sql<string | null>`birth_date::text`.as('birth')])
      .where('id_number_idx', '=', this.k.crypto.blindIndex(idNumber))
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!r) return null;
    const sex = r.sex === 'male' ? '男' : r.sex === 'female' ? '女' : r.sex;
    return { resource: 'RK-POPULATION', name: r.name, sex, birthDate: r.birth, nation: r.nation, regionCode: r.region_code, address: r.address };
  }

  async entity(creditCode: string): Promise<EntityProfile | null> {
    const r = await dataDb(this.k.db)
      .selectFrom('data_entity')
      .select(['name', 'credit_code', 'entity_type', 'legal_rep_name', 'address', 'status', 'region_code', sql<string | null>`registered_capital::text`.as('capital'), sql<string | null>`established_on::text`.as('established')])
      .where('credit_code', '=', creditCode.toUpperCase())
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!r || !r.credit_code) return null;
    return {
      resource: 'FR-ENTITY',
      name: r.name,
      creditCode: r.credit_code,
      entityType: r.entity_type,
      legalRepName: r.legal_rep_name,
      registeredCapital: r.capital,
      establishedOn: r.established,
      address: r.address,
      status: r.status,
      regionCode: r.region_code,
    };
  }
}
