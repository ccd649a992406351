import { PERIOD, STREETS, TOWNS, days, months, type DatasetDef } from './gen.ts';

/*
 * 有条件开放 datasets of the two departments with 数据专员 (市场监管局 SCJG, 卫健委 WJW): usable only
 * through an approved application (a gateway grant or the sandbox). Items are graded L2 (内部) or,
 * for what identifies a person, L3/L4 — those leave only masked.
 */

const AGE_BANDS = [
  ['0-6岁', 9],
  ['7-17岁', 8],
  ['18-39岁', 20],
  ['40-59岁', 27],
  ['60-79岁', 28],
  ['80岁及以上', 8],
] as const;

/** ICD-10 chapters as 疾病类别, with how common they are in outpatient visits. */
const DIAGNOSES = [
  ['呼吸系统疾病', 22],
  ['循环系统疾病', 16],
  ['消化系统疾病', 12],
  ['肌肉骨骼系统和结缔组织疾病', 10],
  ['内分泌、营养和代谢疾病', 9],
  ['泌尿生殖系统疾病', 6],
  ['皮肤和皮下组织疾病', 5],
  ['损伤、中毒和外因的某些其他后果', 5],
  ['眼和附器疾病', 4],
  ['神经系统疾病', 3],
  ['精神和行为障碍', 2],
  ['妊娠、分娩和产褥期', 2],
  ['肿瘤', 2],
  ['某些传染病和寄生虫病', 1.5],
  ['先天性畸形、变形和染色体异常', 0.2],
] as const;

export const CONDITIONAL_DATASETS: DatasetDef[] = [
  {
    code: 'WJ-OUTPATIENT',
    dept: 'WJW',
    name: '门诊就诊记录（去标识化）',
    description:
      '全市公立医疗机构门诊就诊记录，已去除姓名、身份号码、病历号等直接标识，保留就诊月份、年龄段、性别、居住街道、疾病类别（ICD-10 章）、医疗费用和医保结算情况，供科研和公共卫生分析在沙箱内统计使用。',
    frequency: 'monthly',
    conditional:
      '依据《中华人民共和国个人信息保护法》和《医疗卫生机构网络安全管理办法》，去标识化的个人健康信息仅向经审核的科研、公共卫生机构有条件开放，限在数据沙箱内进行聚合统计，结果须满足最小分组规模要求。',
    items: [
      ['visitMonth', '就诊月份', 'string', '就诊年月（YYYY-MM）', 'L2'],
      ['visitDate', '就诊日期', 'date', '就诊日期（敏感，只以脱敏形式提供）', 'L3'],
      ['ageBand', '年龄段', 'string', '就诊时年龄段', 'L2'],
      ['sex', '性别', 'string', '男或女', 'L2'],
      ['streetCode', '居住街道代码', 'string', '患者居住地街道（乡镇）行政区划代码（GB/T 2260）', 'L2'],
      ['streetName', '居住街道', 'string', '患者居住地街道（乡镇）名称', 'L2'],
      ['diagnosisCategory', '疾病类别', 'string', '主要诊断所属 ICD-10 章', 'L2'],
      ['institutionLevel', '医疗机构级别', 'string', '三级、二级、一级（基层）', 'L2'],
      ['cost', '医疗费用（元）', 'number', '本次门诊总费用', 'L2'],
      ['insured', '医保结算', 'boolean', '是否使用基本医疗保险结算', 'L2'],
    ],
    rows: (g) => {
      const all = days(PERIOD.from, PERIOD.to);
      // Towns are small: their groups fall under any sensible k.
      const places = [...STREETS.map((s) => [s, 10] as const), ...TOWNS.map((t) => [t, 0.6] as const)];
      return Array.from({ length: 5000 }, () => {
        const place = g.weighted(places);
        const ageBand = g.weighted(AGE_BANDS);
        const diagnosisCategory = ageBand === '0-6岁' && g.rnd() < 0.6 ? '呼吸系统疾病' : g.weighted(DIAGNOSES);
        const level = g.weighted([
          ['三级', 3],
          ['二级', 4],
          ['一级（基层）', 5],
        ] as const);
        const day = g.pick(all);
        const cost = g.round(Math.max(12, g.normal(level === '三级' ? 420 : level === '二级' ? 260 : 90, level === '三级' ? 160 : 80)), 2);
        return {
          visitMonth: day.slice(0, 7),
          visitDate: day,
          ageBand,
          sex: diagnosisCategory === '妊娠、分娩和产褥期' ? '女' : g.pick(['男', '女']),
          streetCode: place.code,
          streetName: place.name,
          diagnosisCategory,
          institutionLevel: level,
          cost,
          insured: g.rnd() < 0.86,
          _region: place.code,
        };
      });
    },
    meta: {
      titleEn: 'Outpatient visits (de-identified)',
      notesEn:
        'De-identified outpatient visits at public hospitals: month, age band, sex, street of residence, ICD-10 chapter, institution level, cost and insurance. Open on conditions, for aggregate analysis in the sandbox only.',
      theme: 'health',
      tags: ['门诊', '医疗', '科研', '沙箱'],
      licence: 'yiwang-open-1.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'WJ-CHRONIC',
    dept: 'WJW',
    name: '慢性病患者健康管理统计',
    description: '基本公共卫生服务中高血压、2型糖尿病等慢性病患者按街道、病种、性别和年龄段的在管人数和规范管理人数（小计，人数少的组可能识别到个人）。',
    frequency: 'quarterly',
    conditional: '分组人数较少的统计可能识别到个人，依《个人信息保护法》仅向经审核的公共卫生研究机构有条件开放。',
    items: [
      ['quarter', '季度', 'string', '统计季度（YYYY-Qn）', 'L2'],
      ['streetCode', '街道代码', 'string', '街道（乡镇）行政区划代码', 'L2'],
      ['streetName', '街道', 'string', '街道（乡镇）名称', 'L2'],
      ['disease', '病种', 'string', '高血压、2型糖尿病、慢阻肺、严重精神障碍', 'L2'],
      ['sex', '性别', 'string', '男或女', 'L2'],
      ['ageBand', '年龄段', 'string', '35-59岁、60-79岁、80岁及以上', 'L2'],
      ['managed', '在管人数', 'integer', '纳入健康管理的患者数', 'L2'],
      ['standardised', '规范管理人数', 'integer', '按规范随访管理的患者数', 'L2'],
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [];
      for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3'])
        for (const p of [...STREETS, ...TOWNS])
          for (const [disease, base] of [
            ['高血压', 420],
            ['2型糖尿病', 160],
            ['慢阻肺', 40],
            ['严重精神障碍', 6],
          ] as const)
            for (const sex of ['男', '女'])
              for (const [ageBand, share] of [
                ['35-59岁', 0.35],
                ['60-79岁', 0.5],
                ['80岁及以上', 0.15],
              ] as const) {
                const managed = Math.max(0, Math.round(base * share * (p.code.length === 9 && p.code > '152201099' ? 0.3 : 1) * (0.8 + g.rnd() * 0.4)));
                out.push({ quarter, streetCode: p.code, streetName: p.name, disease, sex, ageBand, managed, standardised: Math.round(managed * (0.7 + g.rnd() * 0.25)), _region: p.code });
              }
      return out;
    },
    meta: {
      titleEn: 'Chronic disease management statistics',
      notesEn:
        'Patients with hypertension, type 2 diabetes and other chronic conditions under public health management, by street, disease, sex and age band. Small groups may identify people, so open on conditions.',
      theme: 'health',
      tags: ['慢性病', '公共卫生'],
      licence: 'yiwang-open-1.0',
      temporalFrom: '2026-01-01',
      temporalTo: '2026-09-30',
    },
  },
  {
    code: 'SC-PENALTY',
    dept: 'SCJG',
    name: '市场监管行政处罚案件信息',
    description: '市场监管行政处罚案件的决定书文号、当事人、违法行为类型、处罚依据、处罚种类、罚没金额和决定日期；当事人为自然人的姓名只以脱敏形式提供。',
    frequency: 'weekly',
    conditional: '行政处罚信息依《企业信息公示暂行条例》公示期满后，含自然人当事人信息的明细仅向经审核的信用服务机构和研究机构有条件开放。',
    items: [
      ['decisionNo', '处罚决定书文号', 'string', '行政处罚决定书文号', 'L2'],
      ['partyName', '当事人名称', 'string', '单位当事人名称', 'L2'],
      ['creditCode', '统一社会信用代码', 'string', '当事人统一社会信用代码', 'L2'],
      ['personName', '自然人当事人或负责人姓名', 'string', '只以脱敏形式提供', 'L3'],
      ['violation', '违法行为类型', 'string', '违法行为类别', 'L2'],
      ['basis', '处罚依据', 'string', '处罚所依据的法律条款', 'L2'],
      ['penaltyKind', '处罚种类', 'string', '警告、罚款、没收违法所得等', 'L2'],
      ['amount', '罚没金额（元）', 'number', '罚款和没收违法所得合计', 'L2'],
      ['decidedOn', '处罚决定日期', 'date', '作出处罚决定的日期', 'L2'],
      ['streetName', '所在街道', 'string', '当事人住所所在街道', 'L2'],
    ],
    rows: (g) => {
      const all = days(PERIOD.from, PERIOD.to);
      const kinds = [
        ['销售过期食品', '《中华人民共和国食品安全法》第一百二十四条'],
        ['未取得食品经营许可从事经营', '《中华人民共和国食品安全法》第一百二十二条'],
        ['虚假广告', '《中华人民共和国广告法》第五十五条'],
        ['价格欺诈', '《中华人民共和国价格法》第四十条'],
        ['无照经营', '《无证无照经营查处办法》第十三条'],
        ['未按规定公示年度报告', '《企业信息公示暂行条例》第十八条'],
        ['销售不合格产品', '《中华人民共和国产品质量法》第四十九条'],
        ['计量器具未按规定检定', '《中华人民共和国计量法》第二十六条'],
      ] as const;
      return Array.from({ length: 820 }, (_, i) => {
        const [violation, basis] = g.pick(kinds);
        const s = g.street();
        const decidedOn = all[Math.floor((i / 820) * all.length)];
        const amount =
          g.weighted([
            [0, 2],
            [2000, 3],
            [5000, 3],
            [10000, 2],
            [50000, 0.5],
          ] as const) *
          (0.5 + g.rnd());
        return {
          decisionNo: `乌市监处罚〔${decidedOn.slice(0, 4)}〕${i + 1}号`,
          partyName: `乌兰浩特市${g.pick(['红城', '兴安', '万佳', '惠民', '草原', '洮儿河'])}${g.pick(['商贸有限公司', '餐饮店', '超市', '药店', '广告有限公司'])}`,
          creditCode: g.creditCode(g.rnd() < 0.5 ? '1' : '2'),
          personName: g.personName(),
          violation,
          basis,
          penaltyKind: amount === 0 ? '警告' : g.pick(['罚款', '罚款、没收违法所得']),
          amount: g.round(amount, 0),
          decidedOn,
          streetName: s.name,
          _region: s.code,
        };
      });
    },
    meta: {
      titleEn: 'Market regulation penalty cases',
      notesEn: 'Administrative penalty cases of market regulation: decision number, party, violation, legal basis, kind, amount and date. Names of natural persons only masked; open on conditions.',
      theme: 'credit',
      tags: ['行政处罚', '信用', '市场监管'],
      licence: 'yiwang-open-1.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'SC-INDIVIDUAL',
    dept: 'SCJG',
    name: '个体工商户登记信息',
    description: '个体工商户的名称、统一社会信用代码、经营者、组成形式、经营范围类别、经营场所、成立日期和登记状态；经营者姓名和联系电话只以脱敏形式提供。',
    frequency: 'daily',
    conditional: '经营者为自然人，其姓名、联系电话属个人信息，依《个人信息保护法》有条件开放，脱敏后提供。',
    items: [
      ['name', '名称', 'string', '个体工商户名称', 'L2'],
      ['creditCode', '统一社会信用代码', 'string', '18位统一社会信用代码', 'L2'],
      ['operatorName', '经营者姓名', 'string', '只以脱敏形式提供', 'L3'],
      ['operatorPhone', '联系电话', 'string', '只以脱敏形式提供', 'L4'],
      ['industry', '行业类别', 'string', '国民经济行业门类', 'L2'],
      ['streetName', '经营场所所在街道', 'string', '街道（乡镇）名称', 'L2'],
      ['address', '经营场所', 'string', '经营场所地址', 'L2'],
      ['registeredOn', '成立日期', 'date', '登记成立日期', 'L2'],
      ['status', '登记状态', 'string', '存续或注销', 'L2'],
    ],
    rows: (g) =>
      Array.from({ length: 3200 }, () => {
        const s = g.street();
        const industry = g.weighted([
          ['批发和零售业', 45],
          ['住宿和餐饮业', 20],
          ['居民服务、修理和其他服务业', 15],
          ['交通运输、仓储和邮政业', 6],
          ['农、林、牧、渔业', 5],
          ['制造业', 4],
          ['文化、体育和娱乐业', 3],
          ['租赁和商务服务业', 2],
        ] as const);
        const year = g.int(2008, 2026);
        return {
          name: `乌兰浩特市${s.name.replace(/街道$/, '')}${g.pick(['鑫源', '福满', '兴旺', '红火', '顺达', '草原', '老街', '百姓'])}${industry === '住宿和餐饮业' ? g.pick(['饭店', '面馆', '烧烤店', '奶茶店']) : industry === '批发和零售业' ? g.pick(['便利店', '商店', '超市', '五金店', '服装店']) : g.pick(['理发店', '修理部', '洗衣店', '运输部', '养殖场'])}`,
          creditCode: g.creditCode('2'),
          operatorName: g.personName(),
          operatorPhone: `13${g.int(0, 9)}${String(g.int(0, 99999999)).padStart(8, '0')}`,
          industry,
          streetName: s.name,
          address: g.address(s),
          registeredOn: `${year}-${String(g.int(1, year === 2026 ? 11 : 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`,
          status: g.rnd() < 0.88 ? '存续' : '注销',
          _region: s.code,
        };
      }),
    meta: {
      titleEn: 'Individual businesses register',
      notesEn: 'Registered individual businesses: name, credit code, industry, premises, date and status; operator name and telephone masked. Open on conditions.',
      theme: 'market',
      tags: ['个体工商户', '市场主体', '登记'],
      licence: 'yiwang-open-1.0',
    },
  },
  {
    code: 'SC-COMPLAINT',
    dept: 'SCJG',
    name: '消费投诉举报明细（去标识化）',
    description: '12315 消费投诉举报的受理日期、渠道、投诉类别、涉及行业、所在街道、争议金额、处理结果和挽回损失；投诉人信息已去除。',
    frequency: 'daily',
    conditional: '投诉明细涉及被投诉经营者的商业信息，仅向经审核的消费者权益研究和信用服务机构有条件开放。',
    items: [
      ['receivedOn', '受理日期', 'date', '投诉举报受理日期', 'L2'],
      ['month', '受理月份', 'string', 'YYYY-MM', 'L2'],
      ['channel', '渠道', 'string', '12315热线、全国12315平台、来访、信函', 'L2'],
      ['kind', '类型', 'string', '投诉或举报', 'L2'],
      ['category', '问题类别', 'string', '质量、售后服务、合同、虚假宣传、价格等', 'L2'],
      ['industry', '涉及行业', 'string', '被投诉经营者所属行业', 'L2'],
      ['streetName', '所在街道', 'string', '被投诉经营者所在街道', 'L2'],
      ['amount', '争议金额（元）', 'number', '涉及争议金额', 'L2'],
      ['outcome', '处理结果', 'string', '调解成功、调解不成功、终止调解、立案查处', 'L2'],
      ['recovered', '挽回损失（元）', 'number', '为消费者挽回的经济损失', 'L2'],
    ],
    rows: (g) => {
      const all = days(PERIOD.from, PERIOD.to);
      return Array.from({ length: 2100 }, (_, i) => {
        const s = g.street();
        const day = all[Math.floor((i / 2100) * all.length)];
        const amount = g.round(Math.max(10, Math.exp(g.normal(6, 1.2))), 0);
        const outcome = g.weighted([
          ['调解成功', 70],
          ['调解不成功', 12],
          ['终止调解', 10],
          ['立案查处', 8],
        ] as const);
        return {
          receivedOn: day,
          month: day.slice(0, 7),
          channel: g.weighted([
            ['全国12315平台', 6],
            ['12315热线', 3],
            ['来访', 1],
            ['信函', 0.2],
          ] as const),
          kind: g.rnd() < 0.85 ? '投诉' : '举报',
          category: g.pick(['质量', '售后服务', '合同', '虚假宣传', '价格', '安全', '计量']),
          industry: g.pick(['餐饮服务', '零售', '美容美发', '教育培训', '汽车销售维修', '通信服务', '房屋装修', '预付卡消费']),
          streetName: s.name,
          amount,
          outcome,
          recovered: outcome === '调解成功' ? g.round(amount * (0.5 + g.rnd() * 0.5), 0) : 0,
          _region: s.code,
        };
      });
    },
    meta: {
      titleEn: 'Consumer complaints (de-identified)',
      notesEn: 'Consumer complaints and reports to 12315: date, channel, category, industry, street, amount, outcome and money recovered; complainants removed. Open on conditions.',
      theme: 'market',
      tags: ['消费投诉', '12315', '消费者权益'],
      licence: 'yiwang-open-1.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
];

/** The months of the period (for tests and the sandbox seed). */
export const OPEN_MONTHS = months(PERIOD.fromMonth, PERIOD.toMonth);
