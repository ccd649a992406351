import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { identityDb } from './tables.ts';

/**
 * What the platform already knows about an applicant, so forms can fill it in ("nobody types twice
 * what we know"). Clear values go only into server-side form data; `shown` is what a page may see.
 */
export interface ApplicantFacts {
  values: Record<string, string>;
  shown: Record<string, string>;
}

/** Fact keys forms may name in their prefill map. */
export const FACT_KEYS = ['person.name', 'person.idNumber', 'person.phone', 'enterprise.name', 'enterprise.creditCode', 'enterprise.legalRepName'] as const;

export async function applicantFacts(k: Kernel, who: Pick<Principal, 'accountId' | 'actingFor'>, ex: Executor = k.db): Promise<ApplicantFacts> {
  const values: Record<string, string> = {};
  const shown: Record<string, string> = {};
  const put = (key: string, value: string | null | undefined, masked?: string) => {
    if (!value) return;
    values[key] = value;
    shown[key] = masked ?? value;
  };
  const acc = await identityDb(ex)
    .selectFrom('identity_account as a')
    .leftJoin('identity_person as p', 'p.id', 'a.person_id')
    .select(['a.display_name', 'a.phone_enc', 'p.name', 'p.id_number_enc'])
    .where('a.id', '=', who.accountId)
    .executeTakeFirst();
  if (acc) {
    put('person.name', acc.name ?? acc.display_name);
    if (acc.id_number_enc) {
      const id = k.crypto.decryptField(acc.id_number_enc);
      put('person.idNumber', id, maskCitizenId(id));
    }
    if (acc.phone_enc) {
      const phone = k.crypto.decryptField(acc.phone_enc);
      put('person.phone', phone, maskAddress(phone));
    }
  }
  if (who.actingFor) {
    const e = await identityDb(ex)
      .selectFrom('identity_enterprise as e')
      .innerJoin('identity_person as p', 'p.id', 'e.legal_person_id')
      .select(['e.name', 'e.credit_code', 'p.name as rep'])
      .where('e.id', '=', who.actingFor.enterpriseId)
      .executeTakeFirst();
    if (e) {
      put('enterprise.name', e.name);
      put('enterprise.creditCode', e.credit_code);
      put('enterprise.legalRepName', e.rep);
    }
  }
  return { values, shown };
}

/**
 * The person account of someone standing at a window, found by the ID card the staff member read
 * (blind index; the number itself is never stored in clear). The name must match the base data.
 */
export async function personAccountByIdNumber(k: Kernel, idNumber: string, name: string): Promise<string | null> {
  const r = await identityDb(k.db)
    .selectFrom('identity_person as p')
    .innerJoin('identity_account as a', 'a.person_id', 'p.id')
    .select(['a.id', 'p.name'])
    .where('p.id_number_idx', '=', k.crypto.blindIndex(idNumber.toUpperCase()))
    .where('a.active', '=', true)
    .executeTakeFirst();
  return r && r.name === name.trim() ? r.id : null;
}

/**
 * Who to tell about people or enterprises known by their keys (主动服务): a person's active accounts,
 * found by the ID number's blind index (the key the data backbone gives people), and an
 * enterprise's legal representatives' accounts, by its credit code. Phones are decrypted only for
 * the SMS sink.
 */
export async function recipientsOf(k: Kernel, ex: Executor, subject: 'person' | 'entity', keys: readonly string[]): Promise<Map<string, { accountId: string; phone: string | null }[]>> {
  const out = new Map<string, { accountId: string; phone: string | null }[]>();
  if (keys.length === 0) return out;
  const add = (key: string, accountId: string, phoneEnc: string | null) => out.set(key, [...(out.get(key) ?? []), { accountId, phone: phoneEnc ? k.crypto.decryptField(phoneEnc) : null }]);
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = [...keys.slice(i, i + 1000)];
    if (subject === 'person') {
      const rows = await identityDb(ex)
        .selectFrom('identity_person as p')
        .innerJoin('identity_account as a', 'a.person_id', 'p.id')
        .select(['p.id_number_idx as key', 'a.id', 'a.phone_enc'])
        .where('p.id_number_idx', 'in', chunk)
        .where('a.active', '=', true)
        .execute();
      for (const r of rows) add(r.key, r.id, r.phone_enc);
    } else {
      const rows = await identityDb(ex)
        .selectFrom('identity_enterprise as e')
        .innerJoin('identity_enterprise_rep as r', 'r.enterprise_id', 'e.id')
        .innerJoin('identity_account as a', 'a.id', 'r.account_id')
        .select(['e.credit_code as key', 'a.id', 'a.phone_enc'])
        .where('e.credit_code', 'in', chunk)
        .where('a.active', '=', true)
        .execute();
      for (const r of rows) add(r.key, r.id, r.phone_enc);
    }
  }
  return out;
}

/** The keys an account speaks for: its person's ID-number blind index, and the credit code of an enterprise (given or by id). */
export async function subjectKeysOf(k: Kernel, accountId: string, enterprise: { creditCode: string } | { enterpriseId: string } | null, ex: Executor = k.db) {
  const acc = await identityDb(ex)
    .selectFrom('identity_account as a')
    .leftJoin('identity_person as p', 'p.id', 'a.person_id')
    .select(['p.id_number_idx'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  let entity: string | null = null;
  if (enterprise && 'creditCode' in enterprise) entity = enterprise.creditCode;
  else if (enterprise) {
    const e = await identityDb(ex).selectFrom('identity_enterprise').select('credit_code').where('id', '=', enterprise.enterpriseId).executeTakeFirst();
    entity = e?.credit_code ?? null;
  }
  return { person: acc?.id_number_idx ?? null, entity };
}
