import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { syntheticIds } from '../src/kernel/ids/index.ts';
import type { Platform } from '../src/platform.ts';
import { loadRegions, streetOfficeNameEn } from '../src/modules/org/index.ts';
import { SYSTEM_PRINCIPAL, basePersonRow } from '../src/modules/identity/index.ts';
import { populationRow } from '../src/modules/data/index.ts';
import { seedData } from './data-demo.ts';
import { seedLicences } from './licence-demo.ts';
import { seedServices } from './service-demo.ts';
import { seedBundles } from './bundle-demo.ts';
import { seedCases } from './case-demo.ts';
import { seedProactive } from './proactive-demo.ts';
import { seedOffice } from './office-demo.ts';
import { seedRegulation } from './regulation-demo.ts';
import { seedOpendata } from './opendata-demo.ts';
import { seedOpenness } from './openness-demo.ts';
import { CITY_DEPARTMENTS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_RP, DEMO_STAFF, PARENT_OF } from './departments.ts';

/** Streets of 乌兰浩特 for the demo residents' 户籍地址. */
const DEMO_STREETS = ['和平街道兴安北大路', '新桥街道五一北路', '胜利街道罕山东街', '都林街道青年大街', '爱国街道天骄大道', '兴安街道乌兰大街'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '包', '白', '宝', '韩', '孟', '乌'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '巴特尔', '其其格', '阿拉坦', '萨仁'];
const BRANDS = ['兴安', '洮儿河', '罕山', '成吉思汗', '科尔沁', '红城', '五一', '义勒力特'];
const TRADES = ['商贸', '餐饮', '建材', '农牧业', '乳业', '物流', '文化传媒', '科技', '医药', '旅游'];

export async function isSeeded(p: Platform): Promise<boolean> {
  const r = await p.kernel.db
    .selectFrom('org_department')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n) > 0;
}

/**
 * Loads the demo region 乌兰浩特市 (152201): GB/T 2260 regions, the calendar, departments, staff for
 * every role with accounts, and synthetic residents and companies with valid check digits.
 * Goes through the modules' own functions, so every record is audited like a real one.
 */
export async function seedDemo(p: Platform, opts: { people?: number; companies?: number; cases?: number; basePeople?: number; baseEntities?: number } = {}): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const log = p.log;
  await k.db.transaction().execute(async (trx) => {
    const n = await loadRegions(trx, [region]);
    log.info({ regions: n }, 'seed: regions loaded');
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    for (let y = 2024; y <= thisYear + 1; y++) await k.calendar.seedYear(trx, y);
  });
  const deptIds = new Map<string, string>();
  await k.db.transaction().execute(async (trx) => {
    for (const [code, name, nameEn] of CITY_DEPARTMENTS) {
      const parentId = PARENT_OF[code] ? deptIds.get(PARENT_OF[code]) : undefined;
      const d = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: region, code, name, nameEn, ...(parentId ? { parentId } : {}) }, 'seed', trx);
      deptIds.set(code, d.id);
    }
    const streets = await trx.selectFrom('org_region').select(['code', 'name']).where('parent_code', '=', region).orderBy('code').execute();
    for (const s of streets) {
      const office = s.name.endsWith('街道') ? `${s.name}办事处` : s.name.endsWith('镇') ? `${s.name}人民政府` : `${s.name}管理委员会`;
      const d = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: s.code, code: `JD${s.code.slice(-3)}`, name: office, nameEn: streetOfficeNameEn(s.name) }, 'seed', trx);
      deptIds.set(s.code, d.id);
    }
  });
  const ids = syntheticIds(152201);
  for (const [i, [username, name, dept, roles]] of DEMO_STAFF.entries()) {
    await p.identity.service.createStaffAccount(
      SYSTEM_PRINCIPAL,
      {
        username,
        password: DEMO_PASSWORD,
        staff: { departmentId: deptIds.get(dept)!, name, employeeNo: `YW${String(i + 1).padStart(4, '0')}`, phone: ids.phone(), roles: roles as never },
      },
      'seed',
    );
  }
  const people = opts.people ?? 200;
  const companies = opts.companies ?? 50;
  const now = k.clock.now();
  const demoPeople: { name: string; idNumber: string; phone: string }[] = [];
  await k.db.transaction().execute(async (trx) => {
    const personIds: string[] = [];
    const rows = [];
    const population = [];
    const seen = new Set<string>();
    while (rows.length < people) {
      const idNumber = ids.citizenId(region);
      if (seen.has(idNumber)) continue;
      seen.add(idNumber);
      const person = { name: ids.pick(SURNAMES) + ids.pick(GIVEN), idNumber, phone: ids.phone() };
      const row = basePersonRow(k, { ...person, regionCode: region });
      // Birth date and sex are what the ID number says (GB 11643); nation and 户籍地址 follow from its
      // digits too (not from the random source, so the rest of the demo stays as it was), for 只填一次.
      const n = Number(idNumber.slice(14, 17));
      population.push(
        populationRow(k, {
          ...person,
          regionCode: region,
          birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
          sex: Number(idNumber[16]) % 2 ? '男' : '女',
          nation: n % 3 === 0 ? '蒙古族' : '汉族',
          address: `乌兰浩特市${DEMO_STREETS[n % DEMO_STREETS.length]}${(n % 199) + 1}号`,
        }),
      );
      if (demoPeople.length < DEMO_PEOPLE.length) demoPeople.push(person);
      personIds.push(row.id);
      rows.push(row);
    }
    if (rows.length) await trx.insertInto('identity_person').values(rows).execute();
    // 一数一源: the residents are facts of the population base, which real-name checks read.
    if (rows.length) await trx.insertInto('data_population').values(population).execute();
    const ents = [];
    const names = new Set<string>();
    // Brand × trade × form gives 8 × 10 × 3 distinct names; stop early if asked for more.
    for (let tries = 0; ents.length < companies && tries < companies * 20; tries++) {
      const name = `乌兰浩特市${ids.pick(BRANDS)}${ids.pick(TRADES)}${ids.pick(['有限公司', '有限责任公司', '股份有限公司'])}`;
      if (names.has(name)) continue;
      names.add(name);
      ents.push({ id: uuidv7(), region_code: region, name, credit_code: ids.creditCode(region), legal_person_id: personIds[ents.length % personIds.length], created_at: now });
    }
    if (ents.length)
      await trx
        .insertInto('identity_enterprise')
        .values(ents)
        .onConflict((oc) => oc.column('credit_code').doNothing())
        .execute();
    await k.recordChange(trx, {
      actor: { id: 'seed', type: 'system' },
      action: 'base-data-loaded',
      objectType: 'identity.base',
      objectId: region,
      regionCode: region,
      change: { people, companies },
      summary: { people, companies },
    });
  });
  // The demo resident is the first synthetic resident; the demo legal representative the second,
  // who becomes legal representative of the first company (its legal person is reassigned to them).
  const firstCompany = await k.db.selectFrom('identity_enterprise').select(['id', 'credit_code']).orderBy('id').limit(1).executeTakeFirst();
  for (const [i, demo] of DEMO_PEOPLE.entries()) {
    const who = demoPeople[i];
    if (!who) break;
    const acc = await p.identity.people.createVerified({ username: demo.username, password: DEMO_PASSWORD, ...who, phone: demo.phone }, 'seed');
    if (demo.role === 'legal_rep' && firstCompany) {
      const personId = await k.db.selectFrom('identity_account').select('person_id').where('id', '=', acc.id).executeTakeFirstOrThrow();
      await k.db.updateTable('identity_enterprise').set({ legal_person_id: personId.person_id }).where('id', '=', firstCompany.id).execute();
      const principal = await p.identity.service.principalOf(acc, null, null);
      await p.identity.enterprises.claim(principal!, firstCompany.credit_code, 'seed');
    }
  }
  await p.identity.clients.create(
    SYSTEM_PRINCIPAL,
    {
      clientId: DEMO_RP.clientId,
      name: '示例接入系统',
      nameEn: 'Example relying party',
      confidential: true,
      redirectUris: DEMO_RP.redirectUris,
      postLogoutRedirectUris: DEMO_RP.postLogoutRedirectUris,
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'phone', 'org', 'enterprise', 'offline_access'],
      accountTypes: ['person', 'staff'],
    },
    'seed',
    { secret: DEMO_RP.secret },
  );
  await seedLicences(p, deptIds, { companies: Math.min(companies, 30), people: Math.min(people, 20) });
  await seedServices(p, deptIds);
  await seedBundles(p);
  await seedCases(p, deptIds, opts.cases ?? 4500);
  // The residents above are already in the population base; the synthetic base makes up the rest.
  await seedData(p, deptIds, { people: Math.max(0, (opts.basePeople ?? 200_000) - people), entities: opts.baseEntities ?? 20_000 });
  // 主动服务 reads the base data, so it comes after it: policies published and run once.
  await seedProactive(p, deptIds);
  await seedOffice(p, deptIds);
  await seedRegulation(p, deptIds);
  await seedOpendata(p, deptIds);
  await seedOpenness(p, deptIds);
  log.info({ departments: deptIds.size, staff: DEMO_STAFF.length, people, companies }, 'seed: demo region loaded');
}
