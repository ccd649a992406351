import { sql, type RawBuilder } from 'kysely';
import type { FactDecl, Subject } from '../../../kernel/rules/index.ts';
import { DISABILITY_CATEGORIES } from './registers.ts';

/** A declared fact and how the data backbone reads it in SQL, at a given day (`asOf`). */
export interface FactSql extends FactDecl {
  expr: (asOf: string) => RawBuilder<unknown>;
}

const src = (resource: string, item: string, zh: string, en: string) => ({ resource, item, zh, en });
const POP = (item: string) => src('RK-POPULATION', item, '人口基础信息', 'Population base');
const DEATH = src('MZ-DEATH', 'diedOn', '死亡登记信息', 'Death register');
const DIS = (item: string) => src('CL-DISABILITY', item, '残疾人基础信息', 'Disability register');
const AID = (item: string) => src('MZ-ASSISTANCE', item, '社会救助对象信息', 'Social assistance register');
const ENT = (item: string) => src('FR-ENTITY', item, '法人基础信息', 'Legal entity base');
const CREDIT = (item: string) => src('XY-CREDIT', item, '公共信用信息', 'Public credit information');
const INS = (item: string) => src('SB-EMPLOYER', item, '单位参保信息', 'Employer social insurance');
const raw = (s: string) => () => sql.raw(s);
const years = (col: string) => (asOf: string) => sql`date_part('year', age(${asOf}::date, ${sql.raw(col)}))::int`;
const yearsUnit = { zh: '岁', en: 'years' };

/**
 * The facts rules may speak of, each read from one declared source (一数一源). Person facts are
 * read from `data_population p` joined with the registers by the ID number's blind index; entity
 * facts from `data_entity e` with its credit and insurance records. Derived values (age, 裁员率)
 * are computed here, in SQL, so rules stay comparisons.
 */
export const PERSON_FACTS: FactSql[] = [
  { code: 'age', subject: 'person', type: 'number', zh: '年龄', en: 'Age', unit: yearsUnit, source: POP('birthDate'), expr: years('p.birth_date') },
  { code: 'regionCode', subject: 'person', type: 'string', zh: '户籍地行政区划', en: 'Registered residence (region code)', source: POP('regionCode'), expr: raw('p.region_code') },
  { code: 'sex', subject: 'person', type: 'string', zh: '性别', en: 'Sex', values: ['男', '女'], source: POP('sex'), expr: raw('p.sex') },
  { code: 'alive', subject: 'person', type: 'boolean', zh: '健在', en: 'Alive', source: DEATH, expr: (asOf) => sql`(d.died_on IS NULL OR d.died_on > ${asOf}::date)` },
  { code: 'disabilityGrade', subject: 'person', type: 'number', zh: '残疾等级', en: 'Disability grade', source: DIS('grade'), expr: raw('dis.grade') },
  { code: 'disabilityCategory', subject: 'person', type: 'string', zh: '残疾类别', en: 'Disability category', values: DISABILITY_CATEGORIES, source: DIS('category'), expr: raw('dis.category') },
  { code: 'assistanceKind', subject: 'person', type: 'string', zh: '社会救助类别', en: 'Social assistance', values: ['低保', '特困'], source: AID('kind'), expr: raw("CASE WHEN a.status = '在保' THEN a.kind END") },
  { code: 'householdSize', subject: 'person', type: 'number', zh: '救助家庭人口数', en: 'Assisted household size', unit: { zh: '人', en: 'people' }, source: AID('householdSize'), expr: raw("CASE WHEN a.status = '在保' THEN a.household_size END") },
];

export const ENTITY_FACTS: FactSql[] = [
  { code: 'entityType', subject: 'entity', type: 'string', zh: '市场主体类型', en: 'Entity type', values: ['有限公司', '有限责任公司', '股份有限公司', '个体工商户', '农民专业合作社'], source: ENT('entityType'), expr: raw('e.entity_type') },
  { code: 'regionCode', subject: 'entity', type: 'string', zh: '登记地行政区划', en: 'Registered region code', source: ENT('regionCode'), expr: raw('e.region_code') },
  { code: 'status', subject: 'entity', type: 'string', zh: '登记状态', en: 'Registration status', values: ['存续', '注销'], source: ENT('status'), expr: raw('e.status') },
  { code: 'establishedYears', subject: 'entity', type: 'number', zh: '成立年限', en: 'Years since established', unit: { zh: '年', en: 'years' }, source: ENT('establishedOn'), expr: years('e.established_on') },
  { code: 'registeredCapital', subject: 'entity', type: 'number', zh: '注册资本', en: 'Registered capital', unit: { zh: '元', en: 'yuan' }, source: ENT('registeredCapital'), expr: raw('e.registered_capital::float8') },
  { code: 'creditRating', subject: 'entity', type: 'string', zh: '信用等级', en: 'Credit rating', values: ['A', 'B', 'C', 'D'], source: CREDIT('rating'), expr: raw('c.rating') },
  { code: 'blackListed', subject: 'entity', type: 'boolean', zh: '列入失信名单', en: 'On the blacklist', source: CREDIT('blackList'), expr: raw('c.black_list') },
  { code: 'enterpriseSize', subject: 'entity', type: 'string', zh: '企业规模', en: 'Enterprise size', values: ['大型', '中型', '小型', '微型'], source: INS('size'), expr: raw('ei.size') },
  { code: 'isSme', subject: 'entity', type: 'boolean', zh: '中小微企业', en: 'Small or medium enterprise', source: INS('size'), expr: raw("CASE WHEN ei.size IS NULL THEN NULL ELSE ei.size <> '大型' END") },
  { code: 'insuredStaff', subject: 'entity', type: 'number', zh: '月均参保职工数', en: 'Insured staff (monthly average)', unit: { zh: '人', en: 'people' }, source: INS('insuredAvg'), expr: raw('ei.insured_avg') },
  { code: 'unemploymentMonthsPaid', subject: 'entity', type: 'number', zh: '失业保险连续缴费月数', en: 'Months of unemployment insurance paid', unit: { zh: '个月', en: 'months' }, source: INS('monthsPaid'), expr: raw('ei.months_paid') },
  { code: 'layoffRatePct', subject: 'entity', type: 'number', zh: '上年度裁员率', en: 'Layoff rate last year', unit: { zh: '%', en: '%' }, source: INS('newClaimants'), expr: raw('round(ei.new_claimants * 100.0 / NULLIF(ei.insured_avg, 0), 2)::float8') },
  { code: 'lastYearContributionFen', subject: 'entity', type: 'number', zh: '上年度实缴失业保险费（分）', en: 'Unemployment insurance paid last year (fen)', source: INS('lastYearContributionFen'), expr: raw('ei.last_year_contribution_fen::float8') },
];


export const FACTS_OF: Record<Subject, FactSql[]> = { person: PERSON_FACTS, entity: ENTITY_FACTS };

/** The rows a subject's facts are read from, and its key, name and masked identifier. */
export const SUBJECT_SQL: Record<Subject, { from: RawBuilder<unknown>; key: string; name: string; masked: string; updated: string }> = {
  person: {
    from: sql`data_population p
      LEFT JOIN data_death d ON d.id_number_idx = p.id_number_idx
      LEFT JOIN data_disability dis ON dis.id_number_idx = p.id_number_idx
      LEFT JOIN data_assistance a ON a.id_number_idx = p.id_number_idx`,
    key: 'p.id_number_idx',
    name: 'p.name',
    masked: 'p.id_number_masked',
    updated: 'p.updated_at',
  },
  entity: {
    from: sql`data_entity e
      LEFT JOIN data_credit c ON c.credit_code = e.credit_code
      LEFT JOIN data_employer_insurance ei ON ei.credit_code = e.credit_code`,
    key: 'e.credit_code',
    name: 'e.name',
    masked: 'e.credit_code',
    updated: 'e.updated_at',
  },
};
