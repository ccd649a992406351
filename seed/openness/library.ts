import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { moduleOwner } from '../../src/kernel/files/index.ts';
import { makeCreditCode } from '../../src/kernel/ids/credit-code.ts';
import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';

type Items = Parameters<Platform['openness']['library']['library']['import']>[1];
type Item = Items[number];

const REGION = '152201';
const TEXTS = path.join(import.meta.dirname, 'texts');
const text = (file: string) => fs.readFileSync(path.join(TEXTS, file), 'utf8');

/** Paragraphs (one per line in the source below) separated by blank lines, as the library keeps a text. */
const paras = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');

/** The China Standard Time date `days` before `now`. */
const dayBefore = (now: Date, days: number) => new Date(now.getTime() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo 政策文件库, imported as 存量文件 (every check runs; each is recorded as an import in its history).
 *
 * The five real texts of ../shared/seeds are cleaned once into ./texts (kept in their own characters:
 * the index sees them in simplified, through OpenCC; 001's pinyin glosses such as `關(guān)于` are
 * stripped, and its 18 headings that the source had garbled are restored from the document's outline;
 * 003's encyclopedia page furniture is dropped). Their metadata is what they print; where a date is not
 * printed, the one assumed is said below.
 *
 * The documents written for the demo are dated relative to the clock (this year and last), so the
 * seed works on the test clock and the real one. Two carry 政策找人 rules (seed/openness/matching.ts),
 * agreeing with seed/proactive-policies.ts:
 *   - 残联 (CLH) 行政规范性文件 on 重度残疾人护理补贴: 文号 乌残联发〔<成文年份>〕3号, key `clh-care`;
 *   - 人社局 (RSJ) 行政规范性文件 on 小微企业吸纳就业补贴: 文号 乌人社发〔<成文年份>〕6号, key `rsj-hiring`.
 * (成文 75 and 60 days before the seed runs: 2026 on the test clock of 2026-03-02 and on the demo's.)
 * A county-level city makes no 规章, so the demo's two 规章 are the autonomous region's (written for the demo).
 */
export async function seedOpenLibrary(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const lib = p.openness.library.library;
  const dept = (code: string) => {
    const id = deptIds.get(code);
    if (!id) throw new Error(`demo department ${code} missing`);
    return id;
  };
  const who = { ...SYSTEM_PRINCIPAL, regionCode: REGION, name: '存量文件导入' };

  // 索引号 = 统一社会信用代码/年份-流水号: the org module keeps no credit code, so the demo gives its issuing units one.
  const creditCodes = Object.fromEntries(['BGS', 'MZJ', 'RSJ', 'CLH'].map((code, i) => [code, makeCreditCode(REGION, `MB${String(1520 + i * 37).padStart(6, '0')}`, '1', '1')]));
  await k.settings.save({ id: 'system', type: 'system', regionCode: REGION }, 'openness.library', REGION, { creditCodes }, '演示：发文单位的统一社会信用代码');

  const now = k.clock.now();
  const on = (days: number) => dayBefore(now, days);
  const year = (days: number) => on(days).slice(0, 4);
  const lastYear = String(Number(year(0)) - 1);

  // A small attachment in the kernel file store.
  const listing = [
    '序号,事项名称,承诺办理时限（工作日）,办理方式',
    '1,企业开办,1,全程网办',
    '2,工程建设项目审批（一般项目）,30,线上线下',
    '3,不动产登记（一般登记）,3,线上线下',
    '4,水电气暖报装,5,全程网办',
  ].join('\n');
  const file = await k.db.transaction().execute((trx) =>
    k.files.save(trx, {
      stream: Readable.from([Buffer.from(`\ufeff${listing}\n`, 'utf8')]),
      name: '营商环境重点事项办理时限清单.csv',
      declaredMime: 'text/plain',
      ownerId: moduleOwner('openness'),
      regionCode: REGION,
    }),
  );

  const base = { disclosure: 'proactive' as const, themeCode: '01' };
  const real: Item[] = [
    {
      ...base,
      key: 'nmg-dg',
      title: '内蒙古自治区人民政府关于印发自治区数字政府建设实施方案的通知',
      kind: 'policy',
      issuerDepartmentId: null,
      issuerName: '内蒙古自治区人民政府',
      number: '内政发〔2024〕12号',
      writtenOn: '2024-03-05',
      // 发布日期 here is the day this library published it.
      publishOn: '2024-03-12',
      summary: '自治区数字政府建设的总体要求、主要任务和保障措施，以“一网通办”“一网统管”“一网协同”“一线通达”为牵引。',
      keywords: ['数字政府', '一网通办', '一网统管'],
      body: text('000-nmg-digital-government.txt'),
    },
    {
      ...base,
      key: 'cz-dg',
      title: '常州市人民政府关于深化数字政府建设的实施意见',
      kind: 'policy',
      issuerDepartmentId: null,
      issuerName: '常州市人民政府',
      number: '常政发〔2022〕82号',
      writtenOn: '2022-09-26',
      publishOn: '2022-10-10',
      summary: '常州市深化数字政府建设的总体要求和重点任务（外地经验参考）。',
      keywords: ['数字政府', '首席数据官'],
      body: text('001-changzhou-digital-government.txt'),
    },
    {
      ...base,
      key: 'wlht-dg-plan',
      title: '乌兰浩特市数字政府建设行动方案（2021—2023年）',
      kind: 'plan',
      issuerDepartmentId: dept('BGS'),
      issuerName: '乌兰浩特市人民政府',
      number: null,
      // Not printed in the text: the plan starts in 2021 and sets tasks from mid-2022, so late 2021 is assumed.
      writtenOn: '2021-11-30',
      publishOn: '2021-12-06',
      summary: '到2023年初步建成决策科学、治理精准、公共服务高效的数字政府。实施期已届满。',
      keywords: ['数字政府', '电子政务外网', '政务云'],
      body: text('002-wlht-digital-government-plan.txt'),
      validity: 'expired',
      validityNote: '实施期（2021—2023年）已届满',
    },
    {
      ...base,
      key: 'hlj-dg',
      title: '黑龙江省人民政府关于加强数字政府建设的实施意见',
      kind: 'policy',
      issuerDepartmentId: null,
      issuerName: '黑龙江省人民政府',
      // The text prints no 文号; 2022-09-28 is the day it says the opinion was issued.
      number: null,
      writtenOn: '2022-09-28',
      publishOn: '2022-10-12',
      summary: '黑龙江省数字政府建设的总要求、主要任务与保障措施（外地经验参考）。',
      keywords: ['数字政府'],
      body: text('003-heilongjiang-digital-government.txt'),
    },
    {
      ...base,
      key: 'wy-forward',
      title: '舞阳县工业和信息化局关于转发《国务院关于加强数字政府建设的指导意见》的通知',
      kind: 'notice',
      issuerDepartmentId: null,
      issuerName: '舞阳县工业和信息化局',
      number: '舞工信〔2022〕25号',
      // Not printed: after 国发〔2022〕14号 (成文 2022-06-06, published 2022-06-23), so July 2022 is assumed.
      writtenOn: '2022-07-01',
      publishOn: '2022-07-08',
      summary: '转发国发〔2022〕14号，全文附后。',
      keywords: ['数字政府', '国发〔2022〕14号'],
      body: text('004-wuyang-forward-guideline.txt'),
    },
  ];

  const written: Item[] = [
    // ── 规章 (the autonomous region's; written for the demo) ─────────────────────────────────────
    {
      ...base,
      key: 'nmg-hotline',
      title: '内蒙古自治区政务服务便民热线管理办法',
      kind: 'regulation',
      issuerDepartmentId: null,
      issuerName: '内蒙古自治区人民政府',
      number: '内蒙古自治区人民政府令第268号',
      writtenOn: on(400),
      publishOn: on(392),
      summary: '规范12345政务服务便民热线的受理、转办、办理、回访和考核。',
      keywords: ['12345', '政务服务便民热线'],
      body: paras(`
第一条 为了规范政务服务便民热线管理，提高政务服务质量和效率，根据有关法律、法规，结合自治区实际，制定本办法。
第二条 本办法所称政务服务便民热线，是指各级人民政府设立的12345政务服务便民热线，受理企业和群众的咨询、求助、投诉、举报和意见建议。
第三条 热线工作机构应当全天候受理诉求，对能够即时答复的事项当场答复；不能即时答复的，应当在1个工作日内转办至承办单位。
第四条 承办单位应当在5个工作日内办结一般诉求；情况复杂的，经热线工作机构同意可以延长，延长期限不超过5个工作日。
第五条 热线工作机构应当建立统一的知识库，知识库信息由各承办单位负责提供、更新，确保准确、完整。
第六条 热线工作机构应当对办理结果进行回访，回访满意率纳入承办单位年度考核。
第七条 本办法自公布之日起施行。`),
    },
    {
      ...base,
      key: 'nmg-hotline-jd',
      title: '《内蒙古自治区政务服务便民热线管理办法》解读',
      kind: 'interpretation',
      issuerDepartmentId: null,
      issuerName: '内蒙古自治区人民政府办公厅',
      writtenOn: on(392),
      publishOn: on(392),
      interpretationOf: '#nmg-hotline',
      interpretationForm: 'text',
      body: paras(`
一、制定背景：各地热线号码多、标准不一，群众办事找不准门。办法统一以12345受理各类非紧急诉求。
二、主要内容：明确1个工作日内转办、5个工作日内办结一般诉求，统一知识库，办理结果回访。
三、群众怎么用：拨打12345或通过“一网通办”平台留言，可查询办理进度并评价。`),
    },
    {
      ...base,
      key: 'nmg-opendata',
      themeCode: '02',
      title: '内蒙古自治区公共数据开放管理办法',
      kind: 'regulation',
      issuerDepartmentId: null,
      issuerName: '内蒙古自治区人民政府',
      number: '内蒙古自治区人民政府令第271号',
      writtenOn: on(130),
      publishOn: on(124),
      summary: '公共数据按无条件开放、有条件开放和不予开放分类管理，建设统一的公共数据开放平台。',
      keywords: ['公共数据', '数据开放'],
      body: paras(`
第一条 为了促进和规范公共数据开放，释放公共数据价值，根据有关法律、法规，结合自治区实际，制定本办法。
第二条 公共数据开放遵循需求导向、安全可控、分级分类、统一标准的原则。
第三条 公共数据分为无条件开放、有条件开放和不予开放三类。涉及个人信息、商业秘密的数据，不得无条件开放。
第四条 公共数据开放主体应当编制公共数据开放目录，并通过统一的公共数据开放平台开放数据。
第五条 自然人、法人和非法人组织可以通过开放平台获取无条件开放数据；获取有条件开放数据的，应当提出申请并签订数据利用协议。
第六条 本办法自公布之日起施行。`),
    },
    {
      ...base,
      key: 'nmg-opendata-jd',
      themeCode: '02',
      title: '图解：《内蒙古自治区公共数据开放管理办法》',
      kind: 'interpretation',
      issuerDepartmentId: null,
      issuerName: '内蒙古自治区人民政府办公厅',
      writtenOn: on(124),
      publishOn: on(124),
      interpretationOf: '#nmg-opendata',
      interpretationForm: 'graphic',
      links: [{ label: '一图读懂公共数据开放管理办法', url: '/opendata' }],
      body: paras(`
一图读懂：公共数据分三类——无条件开放、有条件开放、不予开放。
无条件开放的数据，任何人可在开放平台直接下载或通过接口调用；有条件开放的数据，提出申请、签订协议后使用。`),
    },
    // ── 行政规范性文件 of the city, each with its 解读 ─────────────────────────────────────────────
    {
      ...base,
      key: 'dibao-old',
      themeCode: '16',
      title: '乌兰浩特市最低生活保障审核确认实施细则',
      kind: 'normative',
      issuerDepartmentId: dept('MZJ'),
      number: `乌民发〔${year(420)}〕8号`,
      writtenOn: on(420),
      publishOn: on(414),
      summary: '最低生活保障的申请、家庭经济状况核查、审核确认和动态管理。',
      keywords: ['最低生活保障', '低保'],
      body: paras(`
第一条 为规范最低生活保障审核确认工作，根据《社会救助暂行办法》和自治区有关规定，制定本细则。
第二条 共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。
第三条 申请人向户籍所在地苏木乡镇人民政府（街道办事处）提出申请，也可以通过“一网通办”平台在线申请。
第四条 苏木乡镇人民政府（街道办事处）应当自受理之日起30个工作日内完成审核确认。
第五条 本细则自印发之日起施行。`),
    },
    {
      ...base,
      key: 'dibao-old-jd',
      themeCode: '16',
      title: '《乌兰浩特市最低生活保障审核确认实施细则》政策解读',
      kind: 'interpretation',
      issuerDepartmentId: dept('MZJ'),
      writtenOn: on(414),
      publishOn: on(414),
      interpretationOf: '#dibao-old',
      interpretationForm: 'text',
      body: paras(`
一、谁可以申请：家庭人均收入低于本市低保标准、家庭财产符合规定的城乡居民。
二、到哪里申请：户籍所在地乡镇（街道），或在“一网通办”平台在线申请。
三、多久办结：自受理之日起30个工作日内完成审核确认。`),
    },
    {
      ...base,
      key: 'dibao',
      themeCode: '16',
      title: '乌兰浩特市最低生活保障审核确认实施细则（修订）',
      kind: 'normative',
      issuerDepartmentId: dept('MZJ'),
      number: `乌民发〔${year(95)}〕5号`,
      writtenOn: on(95),
      publishOn: on(90),
      summary: '修订后的低保审核确认细则：审核确认时限缩短为20个工作日，取消户籍地限制，可在经常居住地申请。',
      keywords: ['最低生活保障', '低保', '经常居住地'],
      replaces: [{ id: '#dibao-old', as: 'amended' }],
      body: paras(`
第一条 为进一步规范最低生活保障审核确认工作，根据民政部《最低生活保障审核确认办法》和自治区有关规定，结合本市实际，制定本细则。
第二条 共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。
第三条 申请人可以向户籍所在地或者经常居住地苏木乡镇人民政府（街道办事处）提出申请，也可以通过“一网通办”平台在线申请。
第四条 苏木乡镇人民政府（街道办事处）应当自受理之日起20个工作日内完成审核确认；特殊情况可以延长至30个工作日。
第五条 对获得最低生活保障后生活仍有困难的老年人、未成年人、重度残疾人和重病患者，应当采取必要措施给予生活保障。
第六条 本细则自印发之日起施行。${year(420)}年印发的《乌兰浩特市最低生活保障审核确认实施细则》同时修订。`),
    },
    {
      ...base,
      key: 'dibao-jd',
      themeCode: '16',
      title: '《乌兰浩特市最低生活保障审核确认实施细则（修订）》政策解读',
      kind: 'interpretation',
      issuerDepartmentId: dept('MZJ'),
      writtenOn: on(90),
      publishOn: on(90),
      interpretationOf: '#dibao',
      interpretationForm: 'text',
      body: paras(`
一、修订背景：落实民政部《最低生活保障审核确认办法》，方便群众就近申请。
二、主要变化：可以在经常居住地申请，不再限于户籍地；审核确认时限由30个工作日缩短为20个工作日。
三、特别关注：对低保家庭中的老年人、未成年人、重度残疾人和重病患者给予必要的生活保障。`),
    },
    {
      ...base,
      key: 'linshi',
      themeCode: '16',
      title: '乌兰浩特市临时救助实施办法',
      kind: 'normative',
      issuerDepartmentId: dept('MZJ'),
      number: `乌民发〔${year(300)}〕12号`,
      writtenOn: on(300),
      publishOn: on(296),
      summary: '因火灾、交通事故、突发重大疾病等导致基本生活暂时出现严重困难的家庭和个人，可以申请临时救助。',
      keywords: ['临时救助', '急难救助'],
      body: paras(`
第一条 为发挥临时救助兜底作用，根据《社会救助暂行办法》，制定本办法。
第二条 因火灾、交通事故、突发重大疾病等意外事件，导致基本生活暂时出现严重困难的家庭或者个人，可以申请临时救助。
第三条 救助金额一般不超过本市月最低生活保障标准的6倍；情况特殊的，可以一事一议。
第四条 对情况紧急的，苏木乡镇人民政府（街道办事处）可以先行救助，事后补齐手续。
第五条 本办法自印发之日起施行。`),
    },
    {
      ...base,
      key: 'linshi-jd',
      themeCode: '16',
      title: '一图读懂《乌兰浩特市临时救助实施办法》',
      kind: 'interpretation',
      issuerDepartmentId: dept('MZJ'),
      writtenOn: on(296),
      publishOn: on(295),
      interpretationOf: '#linshi',
      interpretationForm: 'graphic',
      links: [{ label: '临时救助一图读懂（图片）', url: '/openness/documents' }],
      body: paras(`
遇到急事难事怎么办？火灾、交通事故、突发重病导致生活暂时困难，可向乡镇（街道）申请临时救助。
情况紧急的可以先救助、后补手续。`),
    },
    {
      ...base,
      key: 'clh-care',
      themeCode: '16',
      title: '乌兰浩特市困难残疾人生活补贴和重度残疾人护理补贴实施办法',
      kind: 'normative',
      issuerDepartmentId: dept('CLH'),
      number: `乌残联发〔${year(75)}〕3号`,
      writtenOn: on(75),
      publishOn: on(70),
      summary: '本市户籍、持有第二代残疾人证、残疾等级为一级或二级的重度残疾人，按月享受重度残疾人护理补贴，在线申请。',
      keywords: ['重度残疾人护理补贴', '困难残疾人生活补贴', '两项补贴'],
      body: paras(`
第一条 为保障残疾人基本生活，根据《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号），结合本市实际，制定本办法。
第二条 重度残疾人护理补贴的对象为：具有本市户籍（乌兰浩特市，行政区划代码152201），持有第二代《中华人民共和国残疾人证》，残疾等级为一级或者二级的重度残疾人。
第三条 困难残疾人生活补贴的对象为：本市最低生活保障家庭中的残疾人。
第四条 补贴按月发放。符合条件的残疾人或者其监护人可以通过“一网通办”平台在线申请（事项编码 JF-CLH-001），也可以向户籍所在地苏木乡镇人民政府（街道办事处）申请。
第五条 乡镇（街道）应当在20个工作日内完成审核，审核通过的，自申请当月起按月发放补贴。
第六条 补贴对象死亡、户籍迁出本市或者残疾等级变化不再符合条件的，自次月起停发。
第七条 本办法自印发之日起施行。`),
    },
    {
      ...base,
      key: 'clh-care-jd',
      themeCode: '16',
      title: '视频解读：残疾人两项补贴怎么申请',
      kind: 'interpretation',
      issuerDepartmentId: dept('CLH'),
      writtenOn: on(70),
      publishOn: on(70),
      interpretationOf: '#clh-care',
      interpretationForm: 'video',
      links: [{ label: '视频：残疾人两项补贴申请指南（3分钟）', url: '/services' }],
      body: paras(`
谁能领：本市户籍、残疾等级一级或二级的重度残疾人，可以领取重度残疾人护理补贴；低保家庭中的残疾人，可以领取困难残疾人生活补贴。
怎么领：在“一网通办”平台在线申请，或到户籍所在地乡镇（街道）申请，20个工作日内审核，按月发放。
符合条件的，系统会主动提醒您申请（政策找人）。`),
    },
    {
      ...base,
      key: 'rsj-hiring',
      themeCode: '14',
      title: '乌兰浩特市小微企业吸纳就业补贴实施办法',
      kind: 'normative',
      issuerDepartmentId: dept('RSJ'),
      number: `乌人社发〔${year(60)}〕6号`,
      writtenOn: on(60),
      publishOn: on(55),
      summary: '存续经营、未被列入严重失信名单、为新吸纳人员缴纳社会保险的小型、微型企业，按新吸纳就业人数给予一次性补贴。',
      keywords: ['小微企业吸纳就业补贴', '就业补贴', '稳就业'],
      body: paras(`
第一条 为支持小微企业吸纳就业，根据《关于进一步加大就业服务力度的通知》等有关规定，结合本市实际，制定本办法。
第二条 补贴对象为在本市登记、存续经营的小型、微型企业。
第三条 申请补贴的企业应当同时符合下列条件：（一）登记状态为存续；（二）未被列入严重失信主体名单；（三）为新吸纳就业人员缴纳社会保险，参保职工不少于1人。
第四条 补贴按新吸纳就业人数一次性核发。企业通过“一网通办”平台在线申请（事项编码 JF-RSJ-101）。
第五条 人力资源和社会保障局应当在20个工作日内完成审核，审核通过的，补贴拨付至企业基本账户。
第六条 本办法自印发之日起施行。`),
    },
    {
      ...base,
      key: 'rsj-hiring-jd',
      themeCode: '14',
      title: '《乌兰浩特市小微企业吸纳就业补贴实施办法》政策解读',
      kind: 'interpretation',
      issuerDepartmentId: dept('RSJ'),
      writtenOn: on(55),
      publishOn: on(55),
      interpretationOf: '#rsj-hiring',
      interpretationForm: 'text',
      body: paras(`
一、哪些企业可以申请：存续经营的小型、微型企业，未被列入严重失信名单，且至少为1名职工缴纳社会保险。
二、补多少：按新吸纳就业人数一次性核发。
三、怎么申请：在“一网通办”平台在线申请，20个工作日内审核，补贴拨付至企业基本账户。符合条件的企业会收到主动提醒。`),
    },
    {
      ...base,
      key: 'gfwj',
      title: '乌兰浩特市人民政府办公室关于进一步规范行政规范性文件管理的通知',
      kind: 'normative',
      issuerDepartmentId: dept('BGS'),
      number: `乌政办发〔${year(250)}〕15号`,
      writtenOn: on(250),
      publishOn: on(246),
      summary: '行政规范性文件实行合法性审核、集体审议、统一登记、统一编号、统一发布，并与解读同步发布。',
      keywords: ['行政规范性文件', '合法性审核'],
      body: paras(`
各乡镇人民政府、街道办事处，市政府各部门：
为加强行政规范性文件制定和监督管理，现就有关事项通知如下。
一、严格制定程序。行政规范性文件应当经过评估论证、公开征求意见、合法性审核、集体审议决定。
二、统一发布。行政规范性文件实行统一登记、统一编号、统一发布，未经统一发布的，不得作为行政管理依据。
三、同步解读。起草部门应当同步起草解读材料，与文件同步审签、同步发布。
四、定期清理。行政规范性文件有效期一般为5年，到期自动失效；需要继续执行的，应当在有效期届满前评估后重新公布。`),
    },
    {
      ...base,
      key: 'gfwj-jd',
      title: '《关于进一步规范行政规范性文件管理的通知》解读',
      kind: 'interpretation',
      issuerDepartmentId: dept('BGS'),
      writtenOn: on(246),
      publishOn: on(246),
      interpretationOf: '#gfwj',
      interpretationForm: 'text',
      body: paras(`
一、为什么发：部分文件未经合法性审核、未统一发布，影响政策的严肃性。
二、管什么：规范性文件统一登记、统一编号、统一发布，解读与文件同步发布。
三、有效期：一般为5年，到期自动失效。`),
    },
    {
      ...base,
      key: 'heating',
      themeCode: '16',
      title: `乌兰浩特市${Number(lastYear) - 1}—${lastYear}年供暖期困难群众取暖补贴发放办法`,
      kind: 'normative',
      issuerDepartmentId: dept('BGS'),
      number: `乌政办发〔${year(440)}〕21号`,
      writtenOn: on(440),
      publishOn: on(436),
      summary: '供暖期内对低保、特困和低保边缘家庭发放一次性取暖补贴。供暖期已结束，本办法已失效。',
      keywords: ['取暖补贴', '供暖'],
      validity: 'expired',
      validityNote: '适用的供暖期已结束',
      body: paras(`
一、补贴对象：本市城乡最低生活保障家庭、特困供养人员和低保边缘家庭。
二、补贴标准：每户一次性发放取暖补贴800元，特困供养人员每人1000元。
三、发放方式：由乡镇（街道）核实后，通过“一卡通”发放。
四、本办法适用于本供暖期，供暖期结束后自动失效。`),
    },
    {
      ...base,
      key: 'heating-jd',
      themeCode: '16',
      title: '取暖补贴发放办法政策解读',
      kind: 'interpretation',
      issuerDepartmentId: dept('BGS'),
      writtenOn: on(436),
      publishOn: on(436),
      interpretationOf: '#heating',
      interpretationForm: 'text',
      body: paras(`
低保、特困和低保边缘家庭不需申请，由乡镇（街道）核实后通过“一卡通”发放，每户800元，特困供养人员每人1000元。`),
    },
    // ── Other documents ──────────────────────────────────────────────────────────────────────────
    {
      ...base,
      key: 'yingshang',
      themeCode: '08',
      title: '乌兰浩特市优化营商环境若干措施',
      kind: 'policy',
      issuerDepartmentId: dept('BGS'),
      issuerName: '乌兰浩特市人民政府',
      number: `乌政发〔${year(160)}〕2号`,
      writtenOn: on(160),
      publishOn: on(155),
      summary: '企业开办1个工作日办结，工程建设项目审批压缩至30个工作日以内，附重点事项办理时限清单。',
      keywords: ['营商环境', '企业开办', '工程建设项目审批'],
      attachments: [{ fileId: file.id, name: '营商环境重点事项办理时限清单.csv' }],
      body: paras(`
各乡镇人民政府、街道办事处，市政府各部门：
为持续优化营商环境，激发市场主体活力，制定以下措施。
一、企业开办全程网办，1个工作日内办结，免费刻制公章。
二、工程建设项目审批（一般项目）压缩至30个工作日以内。
三、不动产一般登记3个工作日内办结。
四、水电气暖报装全程网办，5个工作日内办结。
五、涉企政策“免申即享”“政策找人”，符合条件的企业主动告知。
附件：营商环境重点事项办理时限清单`),
    },
    {
      ...base,
      key: 'holiday',
      title: `乌兰浩特市人民政府办公室关于${year(30)}年国庆节放假安排的通知`,
      kind: 'notice',
      issuerDepartmentId: dept('BGS'),
      number: `乌政办发〔${year(30)}〕30号`,
      writtenOn: on(30),
      publishOn: on(28),
      body: paras(`
各乡镇人民政府、街道办事处，市政府各部门：
根据国务院办公厅通知精神，国庆节放假安排如下：10月1日至7日放假调休，共7天。
节假日期间，各部门要妥善安排值班和安全保卫工作，遇有重大突发事件，要按规定及时报告并妥善处置。`),
    },
    {
      ...base,
      key: 'gongkai-points',
      title: `乌兰浩特市${year(200)}年政务公开工作要点`,
      kind: 'plan',
      issuerDepartmentId: dept('BGS'),
      number: `乌政办发〔${year(200)}〕9号`,
      writtenOn: on(200),
      publishOn: on(198),
      summary: '以政策文件库、政策解读、依申请公开和政民互动为重点，提升政务公开质量。',
      keywords: ['政务公开', '工作要点'],
      body: paras(`
一、集中公开现行有效的行政规范性文件，建设政策文件库，标注有效性。
二、规章和行政规范性文件与解读同步发布，做到“谁起草、谁解读”。
三、依法办理政府信息公开申请，严格在法定期限内答复。
四、做好政民互动，群众留言经审核后公开答复，答复纳入统一知识问答库。
五、按时发布政府信息公开工作年度报告。`),
    },
    {
      ...base,
      key: 'annual-report',
      title: `乌兰浩特市人民政府${lastYear}年政府信息公开工作年度报告`,
      kind: 'report',
      issuerDepartmentId: dept('BGS'),
      issuerName: '乌兰浩特市人民政府',
      writtenOn: on(275),
      publishOn: on(272),
      summary: `${lastYear}年主动公开、依申请公开、政府信息管理和政务公开平台建设情况。`,
      keywords: ['年度报告', '政府信息公开'],
      body: paras(`
一、总体情况：全年主动公开政府信息，集中公开现行有效的行政规范性文件并标注有效性。
二、主动公开政府信息情况：详见统计表。
三、收到和处理政府信息公开申请情况：全部在法定期限内答复。
四、政府信息公开行政复议、行政诉讼情况：无。
五、存在的主要问题及改进情况：政策解读形式较为单一，将增加图解、视频解读。`),
    },
    {
      ...base,
      key: 'gov-report',
      title: `乌兰浩特市人民政府${year(285)}年政府工作报告`,
      kind: 'report',
      issuerDepartmentId: dept('BGS'),
      issuerName: '乌兰浩特市人民政府',
      writtenOn: on(285),
      publishOn: on(280),
      summary: '在市人民代表大会上所作的政府工作报告：过去一年工作回顾和本年度重点工作任务。',
      keywords: ['政府工作报告', '重点工作任务'],
      body: paras(`
各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和列席人员提出意见。
一、过去一年工作回顾：经济运行稳中有进，民生保障持续加强，“一网通办”事项网上可办率进一步提高。
二、本年度重点工作任务：推进数字政府建设，深化“高效办成一件事”；落实就业优先政策，支持小微企业吸纳就业；织密社会救助兜底保障网。
三、加强政府自身建设：坚持依法行政，全面推进政务公开，自觉接受人大监督、政协民主监督和社会监督。`),
    },
    {
      ...base,
      key: 'yanglao',
      themeCode: '16',
      title: `乌兰浩特市民政局关于开展${year(40)}年度养老机构等级评定工作的通知`,
      kind: 'notice',
      issuerDepartmentId: dept('MZJ'),
      number: `乌民字〔${year(40)}〕18号`,
      writtenOn: on(40),
      publishOn: on(38),
      keywords: ['养老机构', '等级评定'],
      body: paras(`
各养老机构：
为提升养老服务质量，决定开展养老机构等级评定工作。
一、评定对象：在本市登记备案并运营满一年的养老机构。
二、评定内容：环境、设施设备、运营管理和服务。
三、申报方式：自愿申报，在“一网通办”平台提交申报材料。`),
    },
    {
      ...base,
      key: 'jineng',
      themeCode: '14',
      title: `关于开展${year(20)}年度企业职工技能提升培训的通知`,
      kind: 'notice',
      issuerDepartmentId: dept('RSJ'),
      number: `乌人社字〔${year(20)}〕11号`,
      writtenOn: on(20),
      publishOn: on(18),
      keywords: ['技能提升', '职业技能培训'],
      body: paras(`
各企业：
为提升职工技能水平，决定开展企业职工技能提升培训。
一、培训对象：本市参保企业在职职工。
二、培训补贴：取得职业资格证书或职业技能等级证书的，按规定给予培训补贴。
三、报名方式：企业通过“一网通办”平台统一报名。`),
    },
  ];

  await lib.import(who, [...real, ...written]);
}
