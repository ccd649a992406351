import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string, enterprise = false): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  let who = row && (await p.identity.service.principalOf(row, null, null));
  if (who && enterprise) {
    const [company] = await p.identity.enterprises.mine(who);
    if (!company) throw new Error(`seed: ${username} acts for no enterprise`);
    who = await p.identity.service.principalOf(row!, null, company.enterpriseId);
  }
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo: 有条件开放 applications in each state on the demo's conditional datasets — qiye01's company
 * approved for 法人基础信息 (FR-ENTITY) through the API (its credentials left for qiye01 to collect),
 * one waiting for steward.scjg, one refused with a reason, and citizen01's approved sandbox
 * application on the 卫健委's de-identified outpatient visits (the sandbox seed uses it).
 */
export async function seedOpenGrants(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const apps = p.opendata.grants.applications;
  const catalogue = p.opendata.catalogue.port;
  const citizen = await principalOf(p, 'citizen01');
  const company = await principalOf(p, 'qiye01', true);
  const scjg = await principalOf(p, 'steward.scjg');
  const wjw = await principalOf(p, 'steward.wjw');
  const bureau = await principalOf(p, 'data01');
  const today = cstDate(p.kernel.clock.now());

  /** Writes, signs and submits an application; null when the demo has no such published dataset. */
  const apply = async (
    who: Principal,
    dataset: string,
    pick: (items: { code: string; grade: string }[]) => string[],
    o: { purpose: string; security: string; delivery: 'api' | 'sandbox'; rowRegion?: string; days: number },
  ) => {
    const ds = catalogue ? await catalogue.byName(dataset) : null;
    if (!ds || ds.state !== 'published' || ds.openType !== 'conditional') {
      p.kernel.log.warn({ dataset }, 'seed: conditional dataset not published; its demo application is skipped');
      return null;
    }
    const { id, agreementHash } = await apps.create(
      who,
      {
        dataset,
        purpose: o.purpose,
        items: pick(ds.items),
        rowRegion: o.rowRegion ?? null,
        periodFrom: today,
        periodTo: plusDays(today, o.days),
        securityMeasures: o.security,
        delivery: o.delivery,
        contact: { name: who.name, phone: '0482-8226000', email: null },
      },
      'seed',
    );
    await apps.sign(who, id, { name: who.name, agreementHash, confirm: true }, 'seed');
    await apps.submit(who, id, 'seed');
    return id;
  };

  // qiye01's company: 法人基础信息 through the API, approved by the provider and the bureau.
  const approved = await apply(
    company,
    'fr-entity',
    (items) => items.filter((i) => ['creditCode', 'name', 'entityType', 'legalRepName', 'legalRepIdNumber', 'registeredCapital', 'establishedOn', 'status'].includes(i.code)).map((i) => i.code),
    {
      purpose: '供应链合作伙伴准入核验：核对拟合作企业的登记状态、注册资本和成立日期，降低交易风险。',
      security: '专人专机调用，访问日志留存一年；数据加密存储于内网数据库，不向第三方提供，期满删除。',
      delivery: 'api',
      rowRegion: '152201',
      days: 180,
    },
  );
  if (approved) {
    await apps.decide(scjg, approved, { action: 'approve', opinion: '用途明确，数据项必要，同意。' }, 'seed');
    await apps.decide(bureau, approved, { action: 'approve', opinion: '同意，按协议期限开通接口。' }, 'seed');
  }

  // Waiting for steward.scjg: the company asks for 行政处罚 records.
  await apply(company, 'sc-penalty', (items) => items.filter((i) => i.grade !== 'L3' && i.grade !== 'L4').map((i) => i.code), {
    purpose: '行业合规研究：统计本地食品经营领域的违法行为类型和处罚力度，编写合规培训材料。',
    security: '数据仅存于公司内网分析服务器，分析人员签署保密承诺，成果只发布汇总统计。',
    delivery: 'api',
    days: 90,
  });

  // Refused by steward.scjg with a reason.
  const refused = await apply(citizen, 'sc-individual', (items) => items.slice(0, 5).map((i) => i.code), {
    purpose: '个人兴趣研究：了解本地个体工商户的经营范围分布情况。',
    security: '数据保存在个人电脑上，设置开机密码，研究结束后删除。',
    delivery: 'api',
    days: 364,
  });
  if (refused) await apps.decide(scjg, refused, { action: 'refuse', opinion: '申请用途不属于科研或公共服务用途，个人电脑存储不满足安全要求；可使用已无条件开放的汇总统计数据。' }, 'seed');

  // citizen01's sandbox access to the de-identified outpatient visits (the sandbox seed uses it).
  const sandbox = await apply(citizen, 'wj-outpatient', (items) => items.filter((i) => i.grade === 'L2').map((i) => i.code), {
    purpose: '公共卫生研究：分析各街道不同年龄段门诊疾病构成和医疗费用，为基层医疗资源配置提供依据。',
    security: '仅在平台数据沙箱内进行聚合统计，不下载个体数据；研究成果只发布满足最小分组规模的汇总结果。',
    delivery: 'sandbox',
    days: 300,
  });
  if (sandbox) {
    await apps.decide(wjw, sandbox, { action: 'approve', opinion: '研究设计合理，仅限沙箱内聚合统计，同意。' }, 'seed');
    await apps.decide(bureau, sandbox, { action: 'approve', opinion: '同意。' }, 'seed');
  }
}
