import { v7 as uuidv7 } from 'uuid';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { baseResources, loadSyntheticBase } from '../src/modules/data/index.ts';
import type { Platform } from '../src/platform.ts';

/**
 * The base databases of 兴安盟 (synthetic people and entities with valid check digits) registered in
 * the catalogue, the three lists, and one sharing request in each state so the pages show a working
 * exchange: 民政局's 低保审核系统 approved for two items of the population database, a request
 * waiting for 公安局, and one refused with its reason.
 */
export async function seedData(p: Platform, deptIds: Map<string, string>, size: { people: number; entities: number }): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const dept = (code: string) => deptIds.get(code)!;
  const started = Date.now();
  let logged = 0;
  await loadSyntheticBase(k, {
    ...size,
    onProgress: (done, total) => {
      if (done - logged >= 50_000 || done === total) {
        logged = done;
        p.log.info({ done, total }, 'seed: base data');
      }
    },
  });
  const admin = { ...SYSTEM_PRINCIPAL, regionCode: region };
  for (const r of baseResources(dept, region)) await p.data.catalogue.register(admin, r);
  // 归集 then 治理: the loaded tables are checked at once, so the pages show their scores.
  for (const code of ['RK-POPULATION', 'FR-ENTITY', 'XY-CREDIT', 'DL-PLACE']) await p.data.quality.run(code);
  p.log.info({ people: size.people, entities: size.entities, ms: Date.now() - started }, 'seed: base databases loaded, catalogued and checked');

  const resourceId = async (code: string) => (await p.data.catalogue.get(code)).id;
  const now = k.clock.now();
  const entry = (list: string, code: string, resource: string | null, title: string, detail = '', basis: string | null = null) => ({
    id: uuidv7(),
    list,
    department_id: dept(code),
    resource_id: resource,
    title,
    detail,
    basis,
    status: 'open',
    created_at: now,
  });
  await k.db
    .insertInto('data_list_entry')
    .values([
      entry('duty', 'GAJ', await resourceId('RK-POPULATION'), '人口基础信息', '户籍人口身份、出生、民族、户籍地'),
      entry('duty', 'SCJG', await resourceId('FR-ENTITY'), '法人基础信息', '市场主体登记信息'),
      entry('duty', 'FGW', await resourceId('XY-CREDIT'), '公共信用信息', '信用等级、行政处罚、红黑名单'),
      entry('duty', 'ZRZYJ', await resourceId('DL-PLACE'), '地理实体', '医院、学校等地理实体'),
      entry('duty', 'MZJ', null, '婚姻登记信息', '结婚、离婚登记结果（尚未编目）'),
      entry('duty', 'RSJ', null, '社会保险参保信息', '参保状态与缴费基数（尚未编目）'),
      entry('demand', 'MZJ', await resourceId('RK-POPULATION'), '低保申请人身份核验', '核验申请人身份号码与姓名是否一致'),
      entry('demand', 'ZJJ', await resourceId('XY-CREDIT'), '建筑企业信用查询', '招投标环节查询企业信用等级'),
      entry('negative', 'GAJ', await resourceId('RK-POPULATION'), '宗教信仰、指纹等生物识别信息', '', '《中华人民共和国个人信息保护法》第二十八条：敏感个人信息'),
    ])
    .execute();

  // One request in each state.
  const staff = async (username: string) => {
    const acc = await k.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await p.identity.service.principalOf((await p.identity.service.accountRow(acc.id))!, null, null))!;
  };
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const later = new Date(now.getTime() + 180 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const data01 = await staff('data01');
  const asMzj = { ...data01, departmentId: dept('MZJ') };
  const approved = await p.data.requests.create(
    asMzj,
    {
      resourceCode: 'RK-POPULATION',
      systemName: '低保审核系统',
      purpose: '最低生活保障申请人身份核验',
      legalBasis: '《社会救助暂行办法》第十一条',
      items: ['idNumber', 'name'],
      rowRegion: region,
      periodFrom: today,
      periodTo: later,
    },
    'seed',
  );
  await p.data.requests.decide(data01, approved.id, { decision: 'approve' }, 'seed');
  await p.data.requests.decide(data01, approved.id, { decision: 'approve' }, 'seed');
  await p.data.requests.create(
    { ...data01, departmentId: dept('ZJJ') },
    {
      resourceCode: 'XY-CREDIT',
      systemName: '招投标监管系统',
      purpose: '投标企业信用等级查询',
      legalBasis: '《招标投标法实施条例》第七十九条',
      items: ['creditCode', 'rating', 'blackList'],
      periodFrom: today,
      periodTo: later,
    },
    'seed',
  );
  const refused = await p.data.requests.create(
    { ...data01, departmentId: dept('WLTJ') },
    { resourceCode: 'RK-POPULATION', systemName: '景区客流系统', purpose: '统计游客户籍分布', legalBasis: '内部管理需要', items: ['idNumber', 'address'], periodFrom: today, periodTo: later },
    'seed',
  );
  await p.data.requests.decide(data01, refused.id, { decision: 'refuse', reason: '统计用途可使用脱敏汇总数据，无需个人明细；依据不足' }, 'seed');
}
