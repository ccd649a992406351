import type { Principal } from '../../src/kernel/policy/index.ts';
import { DomainError } from '../../src/kernel/http/errors.ts';
import type { Platform } from '../../src/platform.ts';
import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';

async function principalOf(p: Platform, username: string): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, null));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/** The demo units' 机关代字 (a region administrator adds more at POST /api/office/documents/doc-words). */
export const DEMO_DOC_WORDS = [
  { word: '乌政办发', departmentCode: 'BGS', isDefault: true },
  { word: '乌政发', departmentCode: 'BGS', isDefault: false },
  { word: '乌民发', departmentCode: 'MZJ', isDefault: true },
  { word: '乌人社发', departmentCode: 'RSJ', isDefault: true },
];

/**
 * 机关代字 are configuration the bureau keeps, not schema: seeded here, not by a migration, so a new
 * installation's tables stay empty until someone writes to them (a restore needs an empty target).
 */
export async function seedDocWords(p: Platform, regionCode = '152201'): Promise<void> {
  const admin = { ...SYSTEM_PRINCIPAL, regionCode };
  for (const w of DEMO_DOC_WORDS) {
    try {
      await p.office.documents.service.addDocWord(admin, w, 'seed');
    } catch (err) {
      // Seeding twice (a test that seeds after setting up its units) keeps what is there.
      if ((err as DomainError).code !== 'OFFICE_DOC_WORD_TAKEN') throw err;
    }
  }
}

/**
 * The demo region's 发文 (一网协同), through the area's own functions: one distributed 通知 (left
 * at 已编号 while no e-seal service or renderer is plugged in), one awaiting leader01's 签发 after
 * 会签, one in 会签 waiting for 民政局, and a draft.
 */
export async function seedOfficeDocuments(p: Platform, deptIds: Map<string, string>): Promise<void> {
  await seedDocWords(p);
  const docs = p.office.documents.service;
  const [clerkBgs, leader, clerkMzj, leaderMzj, clerkRsj] = await Promise.all(['clerk.bgs', 'leader01', 'clerk.mzj', 'leader.mzj', 'clerk.rsj'].map((u) => principalOf(p, u)));
  const BGS = deptIds.get('BGS')!;
  const MZJ = deptIds.get('MZJ')!;
  const RSJ = deptIds.get('RSJ')!;
  const step = async (who: Principal, id: string, code: string, body: Record<string, unknown> = {}) => {
    const { version } = await docs.view(who, id);
    await docs.act(who, id, code, { expectedVersion: version, ...body }, 'seed');
  };

  // 1. A 通知 to the bureaus, all the way to 分发.
  const fire = await docs.create(
    clerkBgs,
    {
      title: '乌兰浩特市人民政府办公室关于做好2026年春季森林草原防灭火工作的通知',
      docType: '通知',
      mainRecipients: [MZJ, RSJ],
      externalRecipients: ['兴安盟行政公署办公室'],
      body: '各有关单位：\n当前已进入春季森林草原防火期，为切实做好防灭火工作，现将有关事项通知如下。\n一、压实防火责任\n各单位主要负责同志要亲自部署，层层落实责任。\n二、加强火源管控\n（一）严格野外用火审批。\n（二）加强重点时段巡查。\n三、做好应急准备\n各单位要完善预案，保持通信畅通。',
      attachments: [{ name: '春季防火重点时段安排表' }],
      public: true,
    },
    'seed',
  );
  await step(clerkBgs, fire.id, 'submit');
  await step(clerkBgs, fire.id, 'review', { outcome: 'pass', opinion: '格式规范，送签发。' });
  await step(leader, fire.id, 'sign', { opinion: '同意印发。' });
  await step(clerkBgs, fire.id, 'number');
  try {
    await step(clerkBgs, fire.id, 'seal');
    await step(clerkBgs, fire.id, 'distribute');
  } catch (err) {
    // Until the e-seal flow and the GB/T 9704 renderer are in, the demo's 通知 waits at 用印.
    if (!(err instanceof DomainError) || !['OFFICE_SEALER_UNAVAILABLE', 'OFFICE_RENDER_UNAVAILABLE'].includes(err.code)) throw err;
  }

  // 2. A 意见 countersigned by both bureaus, awaiting leader01's 签发.
  const employ = await docs.create(
    clerkBgs,
    {
      title: '乌兰浩特市人民政府办公室关于进一步做好高校毕业生等青年就业工作的意见',
      docType: '意见',
      urgency: '加急',
      mainRecipients: [MZJ, RSJ],
      body: '各有关单位：\n为做好高校毕业生等青年就业工作，提出如下意见。\n一、拓宽就业渠道\n二、强化就业服务\n三、兜牢困难群体底线',
      countersignDepartmentIds: [RSJ, MZJ],
    },
    'seed',
  );
  await step(clerkBgs, employ.id, 'submit');
  await step(clerkBgs, employ.id, 'review', { outcome: 'pass', opinion: '请人社局、民政局会签。' });
  await step(clerkRsj, employ.id, 'countersign', { outcome: 'agree', opinion: '同意。建议第二部分增加见习岗位数量。' });
  await step(leaderMzj, employ.id, 'countersign', { outcome: 'agree', opinion: '同意。' });

  // 3. A 人社局 函 in 会签, waiting for 民政局.
  const letter = await docs.create(
    clerkRsj,
    {
      title: '乌兰浩特市人力资源和社会保障局关于商请提供困难家庭高校毕业生名单的函',
      docType: '函',
      mainRecipients: [MZJ],
      body: '市民政局：\n为落实困难家庭高校毕业生就业帮扶政策，请提供本市低保家庭、特困家庭2026届高校毕业生名单。',
      countersignDepartmentIds: [MZJ],
    },
    'seed',
  );
  await step(clerkRsj, letter.id, 'submit');
  await step(clerkRsj, letter.id, 'review', { outcome: 'pass' });

  // 4. A 民政局 draft.
  await docs.create(
    clerkMzj,
    {
      title: '乌兰浩特市民政局关于开展2026年度社会救助政策宣传月活动的通知',
      docType: '通知',
      mainRecipients: [BGS],
      body: '各苏木乡镇街道：\n为提高社会救助政策知晓率，决定开展宣传月活动。\n一、活动时间\n二、活动内容',
    },
    'seed',
  );
}
