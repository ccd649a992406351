import type { Principal } from '../../src/kernel/policy/index.ts';
import { communityDb, type Dataset } from '../../src/modules/opendata/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string): Promise<Principal | null> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
  if (!acc) return null;
  const row = await p.identity.service.accountRow(acc.id);
  return (row && (await p.identity.service.principalOf(row, null, null))) ?? null;
}

/**
 * Demo: ratings and published comments (one with the bureau's reply) on several datasets, a pending
 * comment for the review queue, 数据需求 in each state (one overdue), four apps (one awaiting review)
 * and two 授权运营 products — the 企业信用报告 built on XY-CREDIT and FR-ENTITY among them.
 * Datasets are the catalogue's published ones; without them (no data source) nothing is seeded.
 */
export async function seedOpenCommunity(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const catalogue = p.opendata.catalogue.port;
  if (!catalogue) return;
  const published = await catalogue.published(k.config.regionCode);
  if (!published.length) return;
  if (await communityDb(k.db).selectFrom('opendata_product').select('id').executeTakeFirst()) return;
  const bureau = await principalOf(p, 'data01');
  const citizen = await principalOf(p, 'citizen01');
  const company = await principalOf(p, 'qiye01');
  if (!bureau || !citizen || !company) return;
  const raters = [citizen, company, bureau, ...(await Promise.all(['steward.scjg', 'steward.wjw', 'window01', 'regulator01'].map((u) => principalOf(p, u))))].filter((x): x is Principal => !!x);
  const byName = (n: string) => published.find((d) => d.name === n);
  const pick = (...names: string[]): Dataset[] => {
    const found = names.map(byName).filter((d): d is Dataset => !!d);
    return found.length ? found : published.slice(0, Math.min(2, published.length));
  };
  const credit = byName('xy-credit') ?? published[0];
  const entity = byName('fr-entity') ?? published[Math.min(1, published.length - 1)];
  const rest = published.filter((d) => d.id !== credit.id && d.id !== entity.id);
  // Everyday datasets first (bus stops, parking, toilets, weather, pharmacies), then any other.
  const everyday = ['jt-bus-stop', 'jt-parking', 'cg-toilet', 'qx-daily', 'sc-pharmacy', 'jt-charger'];
  const others = [...everyday.map(byName).filter((d): d is Dataset => !!d && d.id !== credit.id && d.id !== entity.id), ...rest.filter((d) => !everyday.includes(d.name))];
  const fb = p.opendata.community.feedback;

  // Ratings: a spread on the first datasets, so averages and distributions differ.
  const patterns = [
    [5, 4, 5, 4, 3, 5, 4],
    [4, 4, 3, 5, 4],
    [3, 4, 2, 4],
    [5, 5, 4],
    [4, 3],
  ];
  for (const [i, d] of [credit, entity, ...others].slice(0, patterns.length).entries()) for (const [j, stars] of patterns[i].entries()) if (raters[j]) await fb.rate(raters[j], d.id, stars, 'seed');

  // Comments: published (one answered by the bureau), and one waiting in the queue.
  const c1 = await fb.comment(citizen, credit.id, '信用信息更新很及时，查询企业行政处罚记录很方便。希望能增加按行业筛选的字段。', 'seed');
  await fb.moderate(bureau, c1.id, { action: 'publish' }, 'seed');
  await fb.moderate(bureau, c1.id, { action: 'reply', reply: '感谢您的建议。已请市场监管局在下一版本中补充“国民经济行业分类”字段，预计下季度更新。' }, 'seed');
  const c2 = await fb.comment(company, entity.id, '法人基本信息的数据项说明很清楚，我们用它做了客户核验，接口调用稳定。', 'seed');
  await fb.moderate(bureau, c2.id, { action: 'publish' }, 'seed');
  if (others[0]) {
    const c3 = await fb.comment(citizen, others[0].id, '数据很实用，建议提供地图格式（GeoJSON）下载。', 'seed');
    await fb.moderate(bureau, c3.id, { action: 'publish' }, 'seed');
  }
  await fb.comment(company, credit.id, '能否提供历年信用评价等级的变化记录？', 'seed');

  // 数据需求 in each state.
  const dm = p.opendata.community.demands;
  const scjg = deptIds.get('SCJG') ?? null;
  const wjw = deptIds.get('WJW') ?? null;
  const parking = await dm.submit(
    citizen,
    {
      title: '公共停车场实时泊位数据',
      description: '希望开放中心城区公共停车场的实时空余泊位信息，方便市民出行。',
      dataWanted: '停车场名称、地址、经纬度、总泊位数、空余泊位数、收费标准、更新时间',
      purpose: '开发停车导航小程序',
    },
    'seed',
  );
  await dm.vote(company, parking.id, 'seed');
  const food = await dm.submit(
    company,
    {
      title: '食品经营许可证信息',
      description: '餐饮企业在选择供应商时需要核验对方的食品经营许可。',
      dataWanted: '许可证编号、经营者名称、经营场所、主体业态、有效期',
      purpose: '供应链合规核验',
      departmentId: scjg,
    },
    'seed',
  );
  await dm.vote(citizen, food.id, 'seed');
  await dm.answer(bureau, food.id, { state: 'accepted', plannedDate: plusDays(k.clock.now(), 45), note: '已转市场监管局，纳入下一批开放目录。' }, 'seed');
  const credited = await dm.submit(
    citizen,
    { title: '企业信用信息', description: '希望查询本地企业的行政许可、行政处罚和信用评价。', dataWanted: '统一社会信用代码、企业名称、行政处罚、信用等级', purpose: '个人求职前了解企业' },
    'seed',
  );
  await dm.answer(bureau, credited.id, { state: 'opened', dataset: credit.id, note: '该数据已在开放平台发布，可直接下载或调用接口。' }, 'seed');
  const medical = await dm.submit(
    company,
    { title: '个人就诊明细', description: '希望获取居民个人就诊记录用于保险精算。', dataWanted: '姓名、身份证号、就诊医院、诊断、费用', purpose: '商业保险产品定价', departmentId: wjw },
    'seed',
  );
  await dm.answer(bureau, medical.id, { state: 'declined', reason: '涉及个人隐私和健康信息，属于不予开放类数据。可考虑申请有条件开放的脱敏统计数据或使用数据沙箱。' }, 'seed');
  const bus = await dm.submit(citizen, { title: '公交车辆实时位置', description: '希望开放公交车辆的实时定位，方便等车。', dataWanted: '线路、车辆编号、经纬度、时间', purpose: '个人出行' }, 'seed');
  // Asked three weeks ago and not answered: the workbench shows it overdue.
  const asked = new Date(k.clock.now().getTime() - 21 * 86_400_000);
  await communityDb(k.db)
    .updateTable('opendata_demand')
    .set({ created_at: asked, updated_at: asked, due_at: await k.calendar.addWorkingDays(asked, 10) })
    .where('id', '=', bus.id)
    .execute();

  // 应用展示: three listed, one waiting for review.
  const sc = p.opendata.community.showcase;
  const apps = [
    {
      name: '兴安企业信用通',
      description: '按统一社会信用代码或名称查询企业登记、许可、处罚和信用评价，支持关注企业变更提醒。',
      url: 'https://example.cn/xyt',
      kind: 'miniprogram' as const,
      datasets: pick('xy-credit', 'fr-entity').map((d) => d.id),
      developer: '兴安数智科技有限公司',
    },
    {
      name: '乌兰浩特便民地图',
      description: '把公共服务场所、公交站点和停车场放在一张地图上，老年人模式字体更大。',
      url: 'https://example.cn/map',
      kind: 'web' as const,
      datasets: (others.length ? others.slice(0, 2) : [credit]).map((d) => d.id),
      developer: '乌兰浩特市青年创客团队',
    },
    {
      name: '兴安盟营商环境研究报告（2026）',
      description: '基于市场主体与信用开放数据的区域营商环境量化研究。',
      url: 'https://example.cn/report-2026',
      kind: 'research' as const,
      datasets: [entity.id],
      developer: '兴安职业技术学院经济研究所',
    },
  ];
  for (const a of apps) {
    const made = await sc.submitApp(citizen, a, 'seed');
    await sc.reviewApp(bureau, made.id, { publish: true }, 'seed');
  }
  await sc.submitApp(
    company,
    {
      name: '供应商合规核验助手',
      description: '批量核验供应商的主体资格与信用状况，导出核验报告。',
      url: 'https://example.cn/check',
      kind: 'app',
      datasets: [credit.id],
      developer: '兴安盟某商贸有限公司',
    },
    'seed',
  );

  // 授权运营 products.
  await sc.createProduct(
    bureau,
    {
      name: '企业信用报告',
      description: '融合公共信用信息和法人基础信息，为金融机构和企业提供标准化的企业信用报告与核验接口。',
      implementer: '兴安盟行政审批和政务服务局（数据主管部门）',
      operator: '兴安盟数据运营有限公司（授权运营机构）',
      datasets: pick('xy-credit', 'fr-entity').map((d) => d.id),
      services: [
        { name: '标准版企业信用报告', description: '登记信息、行政许可、行政处罚、失信记录、信用评价等级' },
        { name: '企业信用核验接口', description: '按统一社会信用代码实时核验主体状态与失信情况' },
        { name: '信用变动订阅', description: '关注企业发生处罚、失信等变动时推送提醒' },
      ],
      pricing: '标准版报告每份 30 元；核验接口每次 0.5 元；小微企业查询本企业信用报告免费；收费标准经价格主管部门备案。',
      validFrom: '2026-01-01',
      validTo: '2028-12-31',
      terms: '仅限用于授信审查、供应链核验等合法用途；不得转售或公开原始数据；不得用于对自然人的画像；运营机构按季度向数据主管部门报告使用情况。',
      url: 'https://example.cn/credit-report',
    },
    'seed',
  );
  const second = [byName('jt-parking'), byName('jt-charger'), byName('cg-toilet')].filter((d): d is Dataset => !!d);
  if (!second.length) second.push(...(others.length ? others.slice(0, 2) : [entity]));
  await sc.createProduct(
    bureau,
    {
      name: '城市生活服务数据包',
      description: '面向地图、出行类应用提供经过清洗和标准化的城市生活服务数据。',
      implementer: '兴安盟行政审批和政务服务局（数据主管部门）',
      operator: '兴安盟数据运营有限公司（授权运营机构）',
      datasets: second.map((d) => d.id),
      services: [
        { name: '标准化数据包', description: '每月更新，提供地理编码后的数据文件' },
        { name: '数据更新接口', description: '按日增量获取变动记录' },
      ],
      pricing: '公益类应用免费；商业应用每年 2 万元。',
      validFrom: '2026-03-01',
      validTo: '2027-02-28',
      terms: '使用时须注明数据来源；不得用于违法用途。',
      url: null,
    },
    'seed',
  );
}

function plusDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}
