import { makeCitizenId } from '../../src/kernel/ids/citizen-id.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';

/** The sensitive-word list the 政务公开办 starts with: classification markers, then words the bureau added. */
const LEXICON: [term: string, category: 'classification' | 'bureau', note: string | null][] = [
  ['绝密', 'classification', '密级标志'],
  ['机密', 'classification', '密级标志'],
  ['秘密★', 'classification', '密级标志（带星号，避免误报“商业秘密”）'],
  ['绝密★', 'classification', '密级标志'],
  ['机密★', 'classification', '密级标志'],
  ['内部资料', 'classification', null],
  ['内部文件', 'classification', null],
  ['内部明电', 'classification', null],
  ['内部传阅', 'classification', null],
  ['内部参考', 'classification', null],
  ['内部刊物', 'classification', null],
  ['不得外传', 'classification', null],
  ['请勿外传', 'classification', null],
  ['严禁外传', 'classification', null],
  ['涉密', 'classification', null],
  ['密件', 'classification', null],
  ['注意保密', 'classification', null],
  ['仅供领导参阅', 'classification', null],
  ['不宜公开', 'classification', null],
  ['未经批准不得公开', 'classification', null],
  ['维稳内参', 'bureau', '政务公开办增补'],
  ['舆情专报', 'bureau', '政务公开办增补'],
  ['内部通报', 'bureau', '政务公开办增补'],
  ['信访人员名单', 'bureau', '政务公开办增补'],
  ['重点人员名单', 'bureau', '政务公开办增补'],
  ['领导批示件', 'bureau', '政务公开办增补'],
  ['内部审计底稿', 'bureau', '政务公开办增补'],
  ['征地补偿底账', 'bureau', '政务公开办增补'],
  ['未公开招标信息', 'bureau', '政务公开办增补'],
  ['干部考察材料', 'bureau', '政务公开办增补'],
];

async function principalOf(p: Platform, username: string): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, null));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/** Demo 发布审核: the sensitive-word list, drafts in each state (one held by the content check, one awaiting 保密审查, one awaiting the leader). */
export async function seedOpenReview(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const { drafts, lexicon } = p.openness.review;
  const admin = await principalOf(p, 'gk.admin');
  if ((await lexicon.list(admin, { limit: 1 })).items.length) return;
  for (const [term, category, note] of LEXICON) await lexicon.add(admin, { term, category, ...(note ? { note } : {}) }, 'seed');

  const bgs = deptIds.get('BGS');
  if (!bgs) throw new Error('seed: no BGS department');
  const editor = await principalOf(p, 'gk.bgs');
  const reviewer = await principalOf(p, 'bm.bgs');
  // Written a week before today (the library refuses a date in the future).
  const writtenOn = new Date(p.kernel.clock.now().getTime() - 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const base = { themeCode: '01', writtenOn, disclosure: 'proactive' as const, issuerDepartmentId: bgs };
  const version = async (id: string) => (await drafts.view(editor, id)).version;
  const submit = async (id: string) => drafts.act(editor, id, 'submit', { expectedVersion: await version(id) }, 'seed');
  const secrecy = async (id: string) =>
    drafts.act(
      reviewer,
      id,
      'secrecy',
      {
        expectedVersion: await version(id),
        outcome: 'pass',
        opinion: '经审查，稿件不涉及国家秘密、工作秘密和个人隐私，同意公开。',
        basis: '《中华人民共和国保守国家秘密法》；《中华人民共和国政府信息公开条例》第十七条；本机关保密事项范围',
      },
      'seed',
    );

  // 1. Held by the content check: a listed word and a synthetic person's ID number.
  const person = makeCitizenId('152201', '1979-06-15', 37);
  const held = await drafts.create(
    editor,
    {
      purpose: 'publish',
      document: {
        ...base,
        kind: 'notice',
        title: '关于2026年度城乡低保对象动态复核情况的通报',
        summary: '通报全市城乡低保对象动态复核工作进展',
        body: [
          '各苏木乡镇人民政府、街道办事处，市直各有关部门：',
          '按照自治区民政厅统一部署，我市于2026年10月至11月开展了城乡低保对象动态复核工作。现将有关情况通报如下（内部资料）。',
          `一、复核中发现的问题。个别对象家庭收入发生变化未及时申报，如某街道居民巴某（身份证号${person}）家庭成员已稳定就业，已按程序调整保障待遇。`,
          '二、下一步工作。各地要严格落实“单人户”“重残重病”等特殊群体保障政策，做到应保尽保、应退尽退。',
        ].join('\n\n'),
        keywords: ['低保', '动态复核'],
      },
    },
    'seed',
  );
  await submit(held.id);

  // 2. Awaiting 保密审查: the office's public hotline is flagged for the reviewer to waive as 误报.
  const waiting = await drafts.create(
    editor,
    {
      purpose: 'publish',
      document: {
        ...base,
        kind: 'notice',
        title: '乌兰浩特市人民政府办公室关于2027年元旦放假期间值班安排的公告',
        summary: '元旦期间政务服务与值班安排',
        body: [
          '根据国务院办公厅关于2027年部分节假日安排的通知精神，现将元旦假期值班安排公告如下。',
          '一、2027年1月1日至1月3日放假，共3天。政务服务大厅节假日期间暂停现场办理，网上办理不受影响。',
          '二、假期值班电话：0482-8212345；12345政务服务便民热线24小时受理群众诉求。',
        ].join('\n\n'),
        keywords: ['元旦', '值班'],
      },
    },
    'seed',
  );
  await submit(waiting.id);

  // 3. A 行政规范性文件 with its 解读, both through 保密审查, awaiting leader01 (同步发布).
  const original = await drafts.create(
    editor,
    {
      purpose: 'publish',
      document: {
        ...base,
        kind: 'normative',
        themeCode: '16',
        number: '乌政办发〔2026〕48号',
        title: '乌兰浩特市困难群众冬季取暖补贴发放办法',
        summary: '明确困难群众冬季取暖补贴的对象、标准、申领程序和监督管理',
        body: [
          '第一条 为保障困难群众温暖过冬，根据《社会救助暂行办法》和自治区有关规定，结合本市实际，制定本办法。',
          '第二条 本办法适用于本市行政区域内城乡最低生活保障对象、特困供养人员和低保边缘家庭。',
          '第三条 取暖补贴标准为城市每户每年1200元、农村牧区每户每年800元，于每年10月底前一次性发放。',
          '第四条 补贴通过“一卡通”直接发放至本人账户。符合条件的对象无需申请，由民政部门根据救助对象信息主动发放（免申即享）。',
          '第五条 本办法自2027年1月1日起施行，有效期5年。',
        ].join('\n\n'),
        keywords: ['取暖补贴', '困难群众', '免申即享'],
      },
    },
    'seed',
  );
  const interpretation = await drafts.create(
    editor,
    {
      purpose: 'publish',
      interpretationOfDraft: original.id,
      document: {
        ...base,
        kind: 'interpretation',
        themeCode: '16',
        interpretationForm: 'text',
        title: '《乌兰浩特市困难群众冬季取暖补贴发放办法》政策解读',
        summary: '解读取暖补贴的对象、标准和发放方式',
        body: [
          '一、制定背景。为进一步做好困难群众冬季取暖保障，市人民政府办公室起草了本办法。',
          '二、主要内容。明确补贴对象为低保对象、特困供养人员和低保边缘家庭；城市每户每年1200元、农村牧区每户每年800元。',
          '三、怎么领取。无需申请，民政部门主动发放至“一卡通”账户。如有疑问，可拨打12345政务服务便民热线咨询。',
        ].join('\n\n'),
        keywords: ['取暖补贴', '政策解读'],
      },
    },
    'seed',
  );
  for (const id of [original.id, interpretation.id]) {
    await submit(id);
    await secrecy(id);
  }
}
