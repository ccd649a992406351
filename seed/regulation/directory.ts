import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';
import { DEMO_PASSWORD } from '../departments.ts';

/**
 * The demo's 执法检查人员: department code, username, name, specialities. The first of SCJG and WJW
 * are the demo accounts of seed/departments.ts; the rest get accounts here. 8 SCJG and 4 WJW let a
 * joint SCJG + WJW plan draw 2 per object after 回避; YJGL and STHJ can join plans of their own.
 */
export const DEMO_INSPECTORS: [string, string, string, string[]][] = [
  ['SCJG', 'jc.scjg01', '刘海涛', ['食品安全', '特种设备']],
  ['SCJG', 'jc.scjg02', '其其格', ['食品安全', '产品质量']],
  ['SCJG', 'jc.scjg03', '王志刚', ['特种设备', '计量']],
  ['SCJG', 'jc.scjg04', '乌日娜', ['价格监督', '广告监管']],
  ['SCJG', 'jc.scjg05', '赵文博', ['食品安全', '药品经营']],
  ['SCJG', 'jc.scjg06', '包金花', ['产品质量', '计量']],
  ['SCJG', 'jc.scjg07', '李建军', ['特种设备', '药品经营']],
  ['SCJG', 'jc.scjg08', '张晓燕', ['食品安全', '广告监管']],
  ['WJW', 'jc.wjw01', '孙丽华', ['公共卫生', '医疗机构']],
  ['WJW', 'jc.wjw02', '阿拉坦', ['公共卫生', '职业卫生']],
  ['WJW', 'jc.wjw03', '郭秀英', ['医疗机构', '传染病防治']],
  ['WJW', 'jc.wjw04', '韩磊', ['公共卫生', '医疗机构']],
  ['YJGL', 'jc.yjgl01', '周海军', ['安全生产', '危险化学品']],
  ['YJGL', 'jc.yjgl02', '白音', ['安全生产', '消防安全']],
  ['YJGL', 'jc.yjgl03', '吴桂兰', ['危险化学品', '安全生产']],
  ['STHJ', 'jc.sthj01', '马强', ['排污许可', '环境监测']],
  ['STHJ', 'jc.sthj02', '苏日娜', ['环境监测', '固体废物']],
  ['STHJ', 'jc.sthj03', '陈立新', ['排污许可', '固体废物']],
];

/** 执法证 numbers: the region, a two-digit code per department, and the inspector's number in it. */
const DEPT_NO: Record<string, string> = { SCJG: '01', WJW: '02', YJGL: '03', STHJ: '04' };
export const certificateNoOf = (dept: string, n: number) => `152201${DEPT_NO[dept]}${String(n).padStart(3, '0')}`;

/** The declared relation of the demo: jc.scjg01 is a relative (亲属) of qiye01's company's legal side. */
export const DEMO_RELATION = { username: 'jc.scjg01', kind: 'kin' as const, note: '配偶的兄长为该企业股东' };

/**
 * The credit code the demo relation is declared for: the first demo company of identity_enterprise
 * (the one qiye01 represents). Other seeds and tests call this to show 回避 on it.
 */
export async function demoRelatedCreditCode(p: Platform): Promise<string | null> {
  const first = await p.kernel.db.selectFrom('identity_enterprise').select('credit_code').orderBy('id').limit(1).executeTakeFirst();
  return (first?.credit_code as string | undefined) ?? null;
}

/** Industry tags a plan can scope by, read from the trade in a synthetic entity's name. */
const INDUSTRY_BY_TRADE: [string, string][] = [
  ['餐饮', '食品经营'],
  ['食品', '食品经营'],
  ['乳业', '食品生产'],
  ['医药', '药品经营'],
  ['建材', '产品质量'],
  ['建筑工程', '建筑施工'],
  ['能源', '危险化学品'],
  ['旅游', '旅游服务'],
];

/** 互联网+监管 demo: the 名录库: objects from the entity base, inspectors with 执法证 and a declared relation. */
export async function seedRegulationDirectory(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const dir = p.regulation.directory;
  const started = Date.now();
  const run = await dir.sync.runNow(region, { id: 'seed', type: 'system', regionCode: region });
  p.log.info({ ...run, ms: Date.now() - started }, 'seed: inspection objects synced from the entity base');
  // Industries from the trade in the name, so plans scoped by 食品经营 or 特种设备 have objects.
  for (const [trade, industry] of INDUSTRY_BY_TRADE) {
    await sql`UPDATE regulation_object SET industries = ARRAY(SELECT DISTINCT t FROM unnest(industries || ARRAY[${industry}]::text[]) t ORDER BY t)
               WHERE region_code LIKE ${`${region}%`} AND name LIKE ${`%${trade}%`}`.execute(k.db);
  }
  // qiye01's company, which the base may not hold (identity's demo companies are made apart from it).
  const company = await k.db.selectFrom('identity_enterprise').select(['credit_code', 'name']).orderBy('id').limit(1).executeTakeFirst();
  if (company) {
    const known = await dir.objectsPort.get(k.db, company.credit_code as string);
    if (!known) {
      await k.db
        .transaction()
        .execute((trx) =>
          dir.objects.upsert(
            trx,
            { creditCode: company.credit_code as string, name: company.name as string, entityType: '有限责任公司', regionCode: region, industries: ['食品经营'], source: 'manual', status: '存续' },
            { id: 'seed', type: 'system', regionCode: region },
            'seed',
          ),
        );
    }
  }
  const who = { ...SYSTEM_PRINCIPAL, regionCode: region };
  const counters = new Map<string, number>();
  for (const [dept, username, name, specialities] of DEMO_INSPECTORS) {
    const departmentId = deptIds.get(dept);
    if (!departmentId) continue;
    let account = await k.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
    if (!account) {
      const n = (counters.get(`acc-${dept}`) ?? 0) + 1;
      counters.set(`acc-${dept}`, n);
      const made = await p.identity.service.createStaffAccount(
        SYSTEM_PRINCIPAL,
        { username, password: DEMO_PASSWORD, staff: { departmentId, name, employeeNo: `JC${DEPT_NO[dept]}${username.slice(-2)}`, roles: ['inspector'] as never } },
        'seed',
      );
      account = { id: made.accountId };
    }
    const n = (counters.get(dept) ?? 0) + 1;
    counters.set(dept, n);
    await dir.inspectors.create(who, { name, certificateNo: certificateNoOf(dept, n), departmentId, accountId: account.id as string, specialities });
  }
  const code = await demoRelatedCreditCode(p);
  const rel = await k.db.selectFrom('identity_account').select('id').where('username', '=', DEMO_RELATION.username).executeTakeFirst();
  const inspector = rel && (await dir.inspectorsPort.byAccount(k.db, rel.id as string));
  if (code && inspector) {
    await dir.relations.declare({ ...who, accountId: rel.id as string, name: inspector.name }, { inspectorId: inspector.id, creditCode: code, kind: DEMO_RELATION.kind, note: DEMO_RELATION.note });
  }
  p.log.info({ inspectors: DEMO_INSPECTORS.length, relatedTo: code }, 'seed: inspector directory and a declared relation');
}
