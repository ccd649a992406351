import { FACT_KEYS } from '../identity/index.ts';

// The keys an item form's prefill map may name (known-facts.ts says where each is looked up).

/** Base-data facts a form may name (besides identity's FACT_KEYS). */
export const BASE_KEYS = [
  'person.birthDate',
  'person.sex',
  'person.nation',
  'person.address',
  'person.regionCode',
  'enterprise.address',
  'enterprise.type',
  'enterprise.capital',
  'enterprise.establishedOn',
] as const;
/** Every fixed prefill key; besides these, `licence.<typeKey>` names the number of a held licence of that type. */
export const PREFILL_KEYS = [...FACT_KEYS, ...BASE_KEYS] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];
export const LICENCE_KEY_PATTERN = '^licence\\.[a-z][a-z0-9_]{0,39}$';

/** How the item editors name each fixed source. */
export const PREFILL_LABELS: Record<PrefillKey, [string, string]> = {
  'person.name': ['申请人姓名', 'Applicant’s name'],
  'person.idNumber': ['公民身份号码', 'ID number'],
  'person.phone': ['手机号码', 'Mobile phone'],
  'enterprise.name': ['企业名称', 'Enterprise name'],
  'enterprise.creditCode': ['统一社会信用代码', 'Unified social credit code'],
  'enterprise.legalRepName': ['法定代表人', 'Legal representative'],
  'person.birthDate': ['出生日期（人口基础库）', 'Date of birth (population base)'],
  'person.sex': ['性别（人口基础库）', 'Sex (population base)'],
  'person.nation': ['民族（人口基础库）', 'Ethnic group (population base)'],
  'person.address': ['户籍地址（人口基础库）', 'Registered address (population base)'],
  'person.regionCode': ['户籍地区（人口基础库）', 'Registered region (population base)'],
  'enterprise.address': ['住所（法人基础库）', 'Domicile (legal-entity base)'],
  'enterprise.type': ['市场主体类型（法人基础库）', 'Entity type (legal-entity base)'],
  'enterprise.capital': ['注册资本（法人基础库）', 'Registered capital (legal-entity base)'],
  'enterprise.establishedOn': ['成立日期（法人基础库）', 'Date established (legal-entity base)'],
};

/** Facts real-name verification established: shown read-only, and the server always fills them itself. */
export const LOCKED_KEYS: ReadonlySet<string> = new Set(['person.name', 'person.idNumber', 'enterprise.name', 'enterprise.creditCode']);
