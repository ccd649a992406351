import { makeCreditCode, syntheticIds } from '../src/kernel/ids/index.ts';
import type { Actor } from '../src/kernel/audit/index.ts';
import { SYSTEM_PRINCIPAL, applicantFacts } from '../src/modules/identity/index.ts';
import type { Platform } from '../src/platform.ts';
import { CITY_DEPARTMENTS } from './departments.ts';
import { demoLicenceTypes } from './licence-types.ts';

/** The issuing departments of the demo and the seal each uses; the named approver may apply it by hand. */
const SEALS: [dept: string, purpose: string, user: string | null][] = [
  ['SCJG', '证照专用章', 'approver.scjg'],
  ['RSJ', '证照专用章', 'approver.rsj'],
  ['ZRZYJ', '不动产登记专用章', null],
  ['GAJ', '证照专用章', null],
];

/** The units that send 公文 in the demo and the clerk who applies each one's 公章 (the platform may too). */
const OFFICE_SEALS: [dept: string, clerk: string][] = [
  ['BGS', 'clerk.bgs'],
  ['MZJ', 'clerk.mzj'],
  ['RSJ', 'clerk.rsj'],
];

const STREETS = ['兴安北大路', '五一南路', '罕山东街', '都林街', '和平路', '胜利大街', '乌兰大街', '天骄路'];

/** A government unit's synthetic credit code (登记管理部门 1 机关, 机构类别 1). */
export const unitCreditCode = (deptCode: string) => {
  const i = CITY_DEPARTMENTS.findIndex((d) => d[0] === deptCode);
  return makeCreditCode('152201', `MB${String(1528 + i * 37).padStart(6, '0')}`, '1', '1');
};

/**
 * Licence types, a seal for each issuing department, and licences for the demo resident (居民身份证,
 * 不动产权证书), the demo company (营业执照) and a share of the synthetic people and companies. Every
 * licence goes through the same issuing code as a real one: rendered, sealed and audited.
 */
export async function seedLicences(p: Platform, deptIds: Map<string, string>, opts: { companies: number; people: number }): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const dept = (code: string) => deptIds.get(code)!;
  const account = async (username: string) => (await k.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id as string;
  const admin = { ...SYSTEM_PRINCIPAL, regionCode: region };
  for (const t of demoLicenceTypes(dept)) await p.licenses.types.save(admin, t);
  // 公章 first: a seal asked for by another purpose falls back to the newest, which should stay a 专用章.
  for (const [code, clerk] of OFFICE_SEALS) {
    if (!deptIds.has(code)) continue;
    const name = CITY_DEPARTMENTS.find((d) => d[0] === code)![1];
    await p.licenses.seals.create(admin, {
      departmentId: dept(code),
      name: `${name}公章`,
      unitName: name,
      unitCode: unitCreditCode(code),
      purpose: '公章',
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      users: [await account(clerk)],
      automatic: true,
    });
  }
  for (const [code, purpose, user] of SEALS) {
    const name = CITY_DEPARTMENTS.find((d) => d[0] === code)![1];
    await p.licenses.seals.create(admin, {
      departmentId: dept(code),
      name: `${name}${purpose}`,
      unitName: name,
      unitCode: unitCreditCode(code),
      purpose,
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      users: user ? [await account(user)] : [],
      automatic: true,
    });
  }
  // Every other department decides in writing too: its 决定书 carry its 行政审批专用章 (applied automatically).
  for (const [code, name] of CITY_DEPARTMENTS) {
    if (SEALS.some((s) => s[0] === code) || !deptIds.has(code)) continue;
    await p.licenses.seals.create(admin, {
      departmentId: dept(code),
      name: `${name}行政审批专用章`,
      unitName: name,
      unitCode: unitCreditCode(code),
      purpose: '行政审批专用章',
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      users: [],
      automatic: true,
    });
  }
  const actor: Actor = { id: 'seed', type: 'system', regionCode: region };
  const ids = syntheticIds(2202);
  const issue = async (key: string, deptCode: string, holder: { name: string; code: string }, data: Record<string, unknown>) => {
    const type = (await p.licenses.types.get(key))!;
    await k.db.transaction().execute((trx) =>
      p.licenses.licences.issue(trx, {
        type,
        holder,
        data,
        issuerDepartmentId: dept(deptCode),
        issuerName: CITY_DEPARTMENTS.find((d) => d[0] === deptCode)![1],
        regionCode: region,
        user: { kind: 'automatic' },
        actor,
        signerName: '存量证照归集 / migrated',
      }),
    );
  };
  const address = () => `乌兰浩特市${ids.pick(STREETS)}${ids.int(1, 199)}号`;

  // The demo resident holds an ID card reference and a home; the demo company its business licence.
  const citizen = await account('citizen01');
  const facts = await applicantFacts(k, { accountId: citizen, actingFor: null });
  if (facts.values['person.idNumber']) {
    const holder = { name: facts.values['person.name'], code: facts.values['person.idNumber'] };
    await issue('resident_id', 'GAJ', holder, { address: '内蒙古自治区乌兰浩特市和平街道罕山东街12号', authorityName: '乌兰浩特市公安局' });
    await issue('real_estate', 'ZRZYJ', holder, {
      location: '乌兰浩特市和平街道罕山东街12号2单元501室',
      use: '城镇住宅用地/住宅',
      area: '共有宗地面积1820.5㎡/房屋建筑面积96.4㎡',
      tenure: '2016年08月01日起2086年07月31日止',
    });
  }
  const companies = await k.db
    .selectFrom('identity_enterprise as e')
    .innerJoin('identity_person as p', 'p.id', 'e.legal_person_id')
    .select(['e.name', 'e.credit_code', 'p.name as rep'])
    .orderBy('e.id')
    .limit(opts.companies)
    .execute();
  for (const c of companies) {
    await issue(
      'business_licence',
      'SCJG',
      { name: c.name, code: c.credit_code },
      {
        companyType: '有限责任公司（自然人投资或控股）',
        legalRep: c.rep,
        capital: `${ids.pick([50, 100, 200, 500])}万元`,
        scope: '一般项目：日用百货销售；食品销售（仅销售预包装食品）；信息咨询服务',
        address: address(),
      },
    );
  }
  const people = await k.db.selectFrom('identity_person').select(['name', 'id_number_enc']).orderBy('id').offset(2).limit(opts.people).execute();
  for (const person of people) {
    const code = k.crypto.decryptField(person.id_number_enc);
    await issue(
      'real_estate',
      'ZRZYJ',
      { name: person.name, code },
      {
        location: `${address()}${ids.int(1, 6)}单元${ids.int(1, 18)}0${ids.int(1, 4)}室`,
        use: '城镇住宅用地/住宅',
        area: `房屋建筑面积${ids.int(45, 160)}.${ids.int(0, 9)}㎡`,
        tenure: '2010年01月01日起2080年12月31日止',
      },
    );
  }
}
