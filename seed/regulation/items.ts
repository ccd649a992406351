import type { Principal } from '../../src/kernel/policy/index.ts';
import type { CheckMethod, ItemLevel } from '../../src/modules/regulation/index.ts';
import type { Platform } from '../../src/platform.ts';

/** One demo 监管事项: its 实施部门 by code, and the demo catalogue's 行政许可 codes it follows. */
export interface DemoSupervisionItem {
  code: string;
  name: string;
  dept: string;
  basis: string;
  level: ItemLevel;
  methods: CheckMethod[];
  entityTypes: string[];
  content: string;
  randomCheck: boolean;
  licensing: string[];
  /** 告知承诺: working days within which an approval under commitment is verified. */
  commitmentDays?: number;
}

const item = (
  code: string,
  dept: string,
  name: string,
  basis: string,
  o: { level?: ItemLevel; methods: CheckMethod[]; types: string[]; content: string; random?: boolean; licensing?: string[]; commitmentDays?: number },
): DemoSupervisionItem => ({
  code,
  dept,
  name,
  basis,
  level: o.level ?? 'general',
  methods: o.methods,
  entityTypes: o.types,
  content: o.content,
  randomCheck: o.random ?? true,
  licensing: o.licensing ?? [],
  commitmentDays: o.commitmentDays,
});

/**
 * The demo region's 监管事项清单, after the 随机抽查事项清单 and 监管事项目录 published by
 * county-level bureaus: most follow the demo catalogue's 行政许可 items (照单监管), a few are
 * supervision without a licence (特种设备, 产品质量). Two 行政许可 are left without one on purpose —
 * 宗教活动场所筹备设立审批 and 升放气球活动审批 — so the coverage page shows what is missing.
 * Articles are cited only where the article is the supervision clause itself.
 */
export const DEMO_SUPERVISION_ITEMS: DemoSupervisionItem[] = [
  // 市场监管局
  item('JG-SCJG-0001', 'SCJG', '对市场主体登记事项和年度报告公示信息的监督检查', '《市场主体登记管理条例》；《企业信息公示暂行条例》', {
    methods: ['document', 'online', 'onsite'],
    types: ['企业', '个体工商户', '农民专业合作社'],
    content: '登记事项与实际情况是否一致；住所（经营场所）是否真实；年度报告和即时信息公示是否真实、及时。',
    licensing: ['XK-SCJG-001', 'XK-SCJG-003', 'XK-SCJG-004', 'XK-SCJG-005', 'XK-SCJG-006', 'XK-SCJG-007', 'XK-SCJG-008', 'XK-SCJG-022', 'XK-SCJG-026'],
  }),
  item('JG-SCJG-0002', 'SCJG', '对食品经营者的监督检查', '《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》', {
    level: 'key',
    methods: ['onsite', 'sampling'],
    types: ['食品经营者', '餐饮服务提供者'],
    content: '许可资质与经营项目；从业人员健康管理；进货查验和记录；食品贮存、加工条件；餐饮具清洗消毒。',
    licensing: ['XK-SCJG-002', 'XK-SCJG-027'],
    commitmentDays: 30,
  }),
  item('JG-SCJG-0003', 'SCJG', '对食品生产者的监督检查', '《中华人民共和国食品安全法》第一百一十条；《食品生产许可管理办法》', {
    level: 'key',
    methods: ['onsite', 'sampling'],
    types: ['食品生产者'],
    content: '生产环境条件；进货查验；生产过程控制；出厂检验；不合格食品管理和召回。',
    licensing: ['XK-SCJG-011'],
    commitmentDays: 20,
  }),
  item('JG-SCJG-0004', 'SCJG', '对药品零售企业的监督检查', '《中华人民共和国药品管理法》第九十九条；《药品经营和使用质量监督管理办法》', {
    level: 'key',
    methods: ['onsite', 'sampling'],
    types: ['药品零售企业'],
    content: '执业药师在岗；处方药销售管理；药品购进、验收、储存和陈列；药品追溯。',
    licensing: ['XK-SCJG-013'],
  }),
  item('JG-SCJG-0005', 'SCJG', '对医疗器械经营企业的监督检查', '《医疗器械监督管理条例》；《医疗器械经营监督管理办法》', {
    methods: ['onsite', 'document'],
    types: ['医疗器械经营企业'],
    content: '经营场所和贮存条件；进货查验记录；销售记录；不良事件监测。',
    licensing: ['XK-SCJG-015'],
  }),
  item('JG-SCJG-0006', 'SCJG', '对特种设备使用单位的监督检查', '《中华人民共和国特种设备安全法》第六十一条；《特种设备使用管理规则》', {
    level: 'key',
    methods: ['onsite'],
    types: ['特种设备使用单位'],
    content: '使用登记；定期检验；安全管理人员和作业人员持证；维护保养和自行检查记录；应急预案。',
  }),
  item('JG-SCJG-0007', 'SCJG', '产品质量监督抽查', '《中华人民共和国产品质量法》第十五条', {
    methods: ['sampling'],
    types: ['生产者', '销售者'],
    content: '按抽查计划抽取样品检验；不合格产品后处理。',
  }),
  // 卫生健康委
  item('JG-WJW-0001', 'WJW', '对医师、护士执业活动的监督检查', '《中华人民共和国医师法》；《护士条例》；《乡村医生从业管理条例》', {
    methods: ['document', 'onsite'],
    types: ['医疗机构'],
    content: '执业注册与执业范围；多机构执业备案；定期考核。',
    licensing: ['XK-WJW-001', 'XK-WJW-004', 'XK-WJW-014'],
  }),
  item('JG-WJW-0002', 'WJW', '对医疗机构执业活动的监督检查', '《医疗机构管理条例》；《中华人民共和国母婴保健法》', {
    level: 'key',
    methods: ['onsite', 'document'],
    types: ['医疗机构', '母婴保健技术服务机构'],
    content: '执业登记与诊疗科目；卫生技术人员资质；医疗废物处置；母婴保健技术服务资质。',
    licensing: ['XK-WJW-005', 'XK-WJW-008', 'XK-WJW-015'],
  }),
  item('JG-WJW-0003', 'WJW', '放射诊疗监督检查', '《放射诊疗管理规定》；《中华人民共和国职业病防治法》', {
    level: 'key',
    methods: ['onsite', 'sampling'],
    types: ['放射诊疗机构'],
    content: '放射诊疗许可；放射工作人员个人剂量监测和职业健康检查；防护设施和检测。',
    licensing: ['XK-WJW-007'],
  }),
  item('JG-WJW-0004', 'WJW', '公共场所卫生监督检查', '《公共场所卫生管理条例》；《公共场所卫生管理条例实施细则》', {
    methods: ['onsite', 'sampling'],
    types: ['住宿场所', '沐浴场所', '美容美发场所'],
    content: '卫生许可证；从业人员健康合格证明；公共用品用具清洗消毒；空气、水质检测。',
    licensing: ['XK-WJW-003'],
    commitmentDays: 20,
  }),
  item('JG-WJW-0005', 'WJW', '生活饮用水卫生监督检查', '《中华人民共和国传染病防治法》；《生活饮用水卫生监督管理办法》', {
    methods: ['onsite', 'sampling'],
    types: ['集中式供水单位', '二次供水单位'],
    content: '卫生许可；水质检测；直接从事供、管水人员健康体检。',
    licensing: ['XK-WJW-011'],
  }),
  // 公安
  item('JG-GAJ-0001', 'GAJ', '剧毒化学品购买、道路运输的监督检查', '《危险化学品安全管理条例》', {
    level: 'key',
    methods: ['onsite', 'document'],
    types: ['剧毒化学品使用单位', '危险货物运输企业'],
    content: '购买许可与实际用途；流向登记；运输通行证与路线、时间。',
    licensing: ['XK-GAJ-004', 'XK-GAJ-005'],
    random: false,
  }),
  item('JG-GAJ-0002', 'GAJ', '民用爆炸物品购买、运输的监督检查', '《民用爆炸物品安全管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['民用爆炸物品使用单位'],
    content: '购买、运输许可；储存库房；流向信息登记。',
    licensing: ['XK-GAJ-006', 'XK-GAJ-007'],
    random: false,
  }),
  item('JG-GAJ-0003', 'GAJ', '焰火燃放和烟花爆竹道路运输的安全监督检查', '《烟花爆竹安全管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['焰火燃放单位', '烟花爆竹运输企业'],
    content: '燃放作业方案与人员资质；运输许可证与车辆、路线。',
    licensing: ['XK-GAJ-008', 'XK-GAJ-009'],
    random: false,
  }),
  item('JG-GAJ-0004', 'GAJ', '大型群众性活动安全监督检查', '《大型群众性活动安全管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['活动承办者'],
    content: '安全许可；安全工作方案落实；场所容量与疏散通道。',
    licensing: ['XK-GAJ-010'],
    random: false,
  }),
  item('JG-GAJ-0005', 'GAJ', '典当业治安管理检查', '《典当管理办法》', {
    methods: ['onsite', 'document'],
    types: ['典当行'],
    content: '特种行业许可证；当物查验与登记；可疑物品报告。',
    licensing: ['XK-GAJ-014'],
  }),
  item('JG-HZDD-0001', 'HZDD', '户口迁移审批事后核查', '《中华人民共和国户口登记条例》', {
    methods: ['document'],
    types: ['个人'],
    content: '迁入条件材料的真实性；投靠关系。',
    licensing: ['XK-GAJ-002', 'XK-HZDD-006', 'XK-HZDD-007'],
    random: false,
  }),
  item('JG-HZDD-0002', 'HZDD', '旅馆业治安管理检查', '《旅馆业治安管理办法》', {
    methods: ['onsite', 'online'],
    types: ['旅馆'],
    content: '特种行业许可证；旅客住宿登记和信息上传；安全防范设施。',
    licensing: ['XK-HZDD-019'],
  }),
  item('JG-HZDD-0003', 'HZDD', '公章刻制业治安管理检查', '《印铸刻字业暂行管理规则》', {
    methods: ['onsite', 'online'],
    types: ['公章刻制企业'],
    content: '特种行业许可证；刻制登记与备案信息上传；印章样式。',
    licensing: ['XK-HZDD-020'],
  }),
  item('JG-HZDD-0004', 'HZDD', '保安服务单位和保安员监督检查', '《保安服务管理条例》', {
    methods: ['document', 'onsite'],
    types: ['保安服务公司', '自行招用保安员的单位'],
    content: '保安员证；保安员培训；服务合同和值勤记录。',
    licensing: ['XK-HZDD-022'],
  }),
  item('JG-CRJ-0001', 'CRJ', '外国人签证、居留管理监督检查', '《中华人民共和国出境入境管理法》', {
    methods: ['document'],
    types: ['聘用外国人的单位'],
    content: '签证、居留许可与实际事由一致；聘用单位的报告义务。',
    licensing: ['XK-CRJ-013', 'XK-CRJ-014'],
    random: false,
  }),
  item('JG-JGDD-0001', 'JGDD', '机动车驾驶人管理监督检查', '《中华人民共和国道路交通安全法》；《机动车驾驶证申领和使用规定》', {
    methods: ['document', 'online'],
    types: ['个人', '驾驶人培训机构'],
    content: '驾驶证申领、换证、审验材料的真实性；记分和满分教育。',
    licensing: ['XK-JGDD-001', 'XK-JGDD-002', 'XK-JGDD-003', 'XK-JGDD-004', 'XK-JGDD-006', 'XK-JGDD-007', 'XK-JGDD-009', 'XK-JGDD-010'],
    random: false,
  }),
  item('JG-JGDD-0002', 'JGDD', '机动车登记和检验合格标志核发监督检查', '《中华人民共和国道路交通安全法》；《机动车登记规定》', {
    methods: ['document', 'online'],
    types: ['机动车所有人', '机动车安全技术检验机构'],
    content: '登记查验；检验机构的检验行为；临时号牌核发。',
    licensing: ['XK-JGDD-011', 'XK-JGDD-012', 'XK-JGDD-013', 'XK-JGDD-014', 'XK-JGDD-015', 'XK-JGDD-016', 'XK-JGDD-017', 'XK-JGDD-018', 'XK-JGDD-019', 'XK-JGDD-020', 'XK-JGDD-021'],
  }),
  item('JG-XFJY-0001', 'XFJY', '公众聚集场所消防安全监督检查', '《中华人民共和国消防法》第五十三条；《消防监督检查规定》', {
    level: 'key',
    methods: ['onsite'],
    types: ['公众聚集场所'],
    content: '消防安全检查合格或承诺；疏散通道、安全出口；消防设施器材；消防安全责任制。',
    licensing: ['XK-XFJY-001'],
    commitmentDays: 20,
  }),
  // 自然资源、住建、人防
  item('JG-ZRZYJ-0001', 'ZRZYJ', '建设工程规划许可批后监督检查', '《中华人民共和国城乡规划法》', {
    methods: ['onsite', 'document'],
    types: ['建设单位'],
    content: '按规划许可内容建设；放线、验线；临时建设按期拆除。',
    licensing: ['XK-ZRZYJ-001', 'XK-ZRZYJ-002', 'XK-ZRZYJ-004', 'XK-ZRZYJ-005', 'XK-ZRZYJ-009'],
  }),
  item('JG-ZRZYJ-0002', 'ZRZYJ', '临时用地监督检查', '《中华人民共和国土地管理法》；《自然资源部关于规范临时用地管理的通知》', {
    methods: ['onsite', 'online'],
    types: ['用地单位'],
    content: '按批准用途和期限使用；到期复垦。',
    licensing: ['XK-ZRZYJ-006'],
  }),
  item('JG-ZJJ-0001', 'ZJJ', '建筑工程施工现场质量安全监督检查', '《中华人民共和国建筑法》；《建设工程质量管理条例》；《建设工程安全生产管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['建设单位', '施工单位', '监理单位'],
    content: '施工许可；质量安全责任落实；危险性较大的分部分项工程管理。',
    licensing: ['XK-ZJJ-001'],
  }),
  item('JG-ZJJ-0002', 'ZJJ', '商品房预售监督检查', '《中华人民共和国城市房地产管理法》；《城市商品房预售管理办法》', {
    methods: ['document', 'online'],
    types: ['房地产开发企业'],
    content: '预售许可；预售资金监管；合同网签备案。',
    licensing: ['XK-ZJJ-003'],
  }),
  item('JG-ZJJ-0003', 'ZJJ', '燃气经营企业监督检查', '《城镇燃气管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['燃气经营企业'],
    content: '燃气经营许可；安全管理制度；入户安全检查；用户设施隐患整改。',
    licensing: ['XK-ZJJ-011'],
  }),
  item('JG-ZJJ-0004', 'ZJJ', '排水户监督检查', '《城镇排水与污水处理条例》；《城镇污水排入排水管网许可管理办法》', {
    methods: ['onsite', 'sampling'],
    types: ['排水户'],
    content: '排水许可；排放水质；预处理设施运行。',
    licensing: ['XK-ZJJ-012'],
  }),
  item('JG-RFB-0001', 'RFB', '人民防空工程建设和拆除监督检查', '《中华人民共和国人民防空法》', {
    methods: ['onsite', 'document'],
    types: ['建设单位'],
    content: '防空地下室按审批修建；拆除补建。',
    licensing: ['XK-RFB-001', 'XK-RFB-004'],
    random: false,
  }),
  item('JG-QXJ-0001', 'QXJ', '防雷安全监督检查', '《中华人民共和国气象法》；《气象灾害防御条例》', {
    methods: ['onsite', 'document'],
    types: ['雷电防护装置使用单位', '防雷检测机构'],
    content: '雷电防护装置设计审核、竣工验收；定期检测。',
    licensing: ['XK-QXJ-001', 'XK-QXJ-002'],
  }),
  // 交通、文旅、水利、生态环境、城管
  item('JG-JTJ-0001', 'JTJ', '道路运输经营者监督检查', '《中华人民共和国道路运输条例》', {
    methods: ['onsite', 'online', 'document'],
    types: ['道路运输企业', '个体运输户'],
    content: '经营许可；车辆技术状况和道路运输证；动态监控；安全生产管理。',
    licensing: ['XK-JTJ-001', 'XK-JTJ-002', 'XK-JTJ-006', 'XK-JTJ-012'],
  }),
  item('JG-JTJ-0002', 'JTJ', '网络预约出租汽车和巡游出租汽车经营服务监督检查', '《网络预约出租汽车经营服务管理暂行办法》；《巡游出租汽车经营服务管理规定》', {
    methods: ['online', 'onsite'],
    types: ['网约车平台公司', '出租汽车企业'],
    content: '车辆和驾驶员许可；数据接入；服务质量和投诉处理。',
    licensing: ['XK-JTJ-003', 'XK-JTJ-004', 'XK-JTJ-005'],
  }),
  item('JG-JTJ-0003', 'JTJ', '道路运输从业人员监督检查', '《道路运输从业人员管理规定》', {
    methods: ['document', 'online'],
    types: ['道路运输企业'],
    content: '从业资格证；继续教育；诚信考核。',
    licensing: ['XK-JTJ-009'],
  }),
  item('JG-JTJ-0004', 'JTJ', '公路超限运输和涉路施工监督检查', '《中华人民共和国公路法》；《公路安全保护条例》', {
    methods: ['onsite'],
    types: ['运输企业', '施工单位'],
    content: '超限运输许可与实际装载、路线；涉路施工安全保障措施。',
    licensing: ['XK-JTJ-010', 'XK-JTJ-011'],
    random: false,
  }),
  item('JG-WLTJ-0001', 'WLTJ', '娱乐场所监督检查', '《娱乐场所管理条例》', {
    methods: ['onsite'],
    types: ['歌舞娱乐场所', '游艺娱乐场所'],
    content: '经营许可与变更；营业时间；未成年人保护；曲目内容。',
    licensing: ['XK-WLTJ-001', 'XK-WLTJ-007'],
  }),
  item('JG-WLTJ-0002', 'WLTJ', '互联网上网服务营业场所监督检查', '《互联网上网服务营业场所管理条例》', {
    methods: ['onsite', 'online'],
    types: ['互联网上网服务营业场所'],
    content: '经营许可；上网人员身份登记；接纳未成年人。',
    licensing: ['XK-WLTJ-002'],
  }),
  item('JG-WLTJ-0003', 'WLTJ', '出版物零售和印刷经营单位监督检查', '《出版管理条例》；《印刷业管理条例》', {
    methods: ['onsite'],
    types: ['出版物零售单位', '印刷企业'],
    content: '经营许可；非法出版物；承印验证和登记。',
    licensing: ['XK-WLTJ-003', 'XK-WLTJ-008'],
  }),
  item('JG-WLTJ-0004', 'WLTJ', '营业性演出和电影放映监督检查', '《营业性演出管理条例》；《中华人民共和国电影产业促进法》', {
    methods: ['onsite'],
    types: ['演出场所经营单位', '电影放映单位'],
    content: '演出审批内容与实际一致；放映许可；票房数据。',
    licensing: ['XK-WLTJ-004', 'XK-WLTJ-009'],
  }),
  item('JG-WLTJ-0005', 'WLTJ', '高危险性体育项目经营活动监督检查', '《全民健身条例》；《经营高危险性体育项目许可管理办法》', {
    level: 'key',
    methods: ['onsite'],
    types: ['游泳场所', '滑雪场所', '攀岩场所'],
    content: '经营许可；社会体育指导人员和救助人员配备；安全设施。',
    licensing: ['XK-WLTJ-005'],
  }),
  item('JG-SLJ-0001', 'SLJ', '取水许可监督检查', '《中华人民共和国水法》；《取水许可和水资源费征收管理条例》', {
    methods: ['onsite', 'online'],
    types: ['取水单位'],
    content: '按许可水量取水；计量设施；取水统计。',
    licensing: ['XK-SLJ-001'],
  }),
  item('JG-SLJ-0002', 'SLJ', '生产建设项目水土保持监督检查', '《中华人民共和国水土保持法》', {
    methods: ['onsite', 'remote'],
    types: ['生产建设单位'],
    content: '水土保持方案落实；水土保持设施验收。',
    licensing: ['XK-SLJ-002'],
  }),
  item('JG-SLJ-0003', 'SLJ', '河道管理范围内建设和采砂监督检查', '《中华人民共和国水法》；《中华人民共和国河道管理条例》；《中华人民共和国防洪法》', {
    methods: ['onsite', 'remote'],
    types: ['建设单位', '采砂单位'],
    content: '按批准方案建设；洪水影响评价要求落实；采砂范围、期限和方式。',
    licensing: ['XK-SLJ-003', 'XK-SLJ-004', 'XK-SLJ-005'],
  }),
  item('JG-STHJ-0001', 'STHJ', '建设项目环境影响评价和“三同时”监督检查', '《中华人民共和国环境影响评价法》；《建设项目环境保护管理条例》', {
    methods: ['onsite', 'document'],
    types: ['建设单位'],
    content: '环评审批；环境保护设施与主体工程同时设计、施工、投产；竣工环境保护验收。',
    licensing: ['XK-STHJ-001', 'XK-STHJ-002'],
  }),
  item('JG-STHJ-0002', 'STHJ', '排污单位监督检查', '《中华人民共和国环境保护法》；《排污许可管理条例》', {
    level: 'key',
    methods: ['onsite', 'sampling', 'online'],
    types: ['排污单位'],
    content: '持证排污；自行监测；执行报告；污染防治设施运行。',
    licensing: ['XK-STHJ-004'],
  }),
  item('JG-CGZF-0001', 'CGZF', '城市道路挖掘和占用监督检查', '《城市道路管理条例》', {
    methods: ['onsite'],
    types: ['施工单位', '占道经营者'],
    content: '按许可范围和期限挖掘、占用；恢复原状。',
    licensing: ['XK-CGZF-002', 'XK-CGZF-003'],
  }),
  item('JG-CGZF-0002', 'CGZF', '市容环境卫生、户外广告和建筑垃圾处置监督检查', '《城市市容和环境卫生管理条例》；《城市建筑垃圾管理规定》；《城市生活垃圾管理办法》', {
    methods: ['onsite'],
    types: ['广告设置单位', '建筑垃圾运输企业', '生活垃圾清运企业'],
    content: '户外广告按审批设置；建筑垃圾按核准处置；垃圾清运服务质量。',
    licensing: ['XK-CGZF-001', 'XK-CGZF-004', 'XK-CGZF-007'],
  }),
  item('JG-CGZF-0003', 'CGZF', '城市绿化监督检查', '《城市绿化条例》', {
    methods: ['onsite'],
    types: ['建设单位'],
    content: '按批准砍伐、迁移树木并补植；临时占用绿地按期恢复。',
    licensing: ['XK-CGZF-005', 'XK-CGZF-006'],
    random: false,
  }),
  item('JG-YJGL-0001', 'YJGL', '危险化学品经营单位安全生产监督检查', '《中华人民共和国安全生产法》；《危险化学品安全管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['危险化学品经营单位'],
    content: '经营许可范围；安全管理人员；储存场所和设施；应急预案。',
    licensing: ['XK-YJGL-002'],
  }),
  item('JG-YJGL-0002', 'YJGL', '烟花爆竹零售经营单位安全监督检查', '《烟花爆竹安全管理条例》；《烟花爆竹经营许可实施办法》', {
    level: 'key',
    methods: ['onsite'],
    types: ['烟花爆竹零售经营者'],
    content: '零售许可证；限量存放；专柜销售；防火措施。',
    licensing: ['XK-YJGL-001'],
  }),
  // 民政、人社、教育、财政、司法
  item('JG-MZJ-0001', 'MZJ', '社会组织监督检查', '《社会团体登记管理条例》；《民办非企业单位登记管理暂行条例》', {
    methods: ['document', 'onsite'],
    types: ['社会团体', '民办非企业单位'],
    content: '年度检查（年度报告）；按章程开展活动；财务管理。',
    licensing: ['XK-MZJ-011', 'XK-MZJ-012', 'XK-MZJ-013', 'XK-MZJ-014'],
  }),
  item('JG-RSJ-0001', 'RSJ', '劳务派遣单位和人力资源服务机构监督检查', '《中华人民共和国劳动合同法》；《劳务派遣行政许可实施办法》；《人力资源市场暂行条例》', {
    methods: ['document', 'onsite'],
    types: ['劳务派遣单位', '经营性人力资源服务机构'],
    content: '许可条件持续符合；年度经营情况报告；招聘信息真实性。',
    licensing: ['XK-RSJ-024', 'XK-RSJ-025'],
    commitmentDays: 30,
  }),
  item('JG-RSJ-0002', 'RSJ', '特殊工时制度执行情况监督检查', '《中华人民共和国劳动法》；《劳动保障监察条例》', {
    methods: ['document'],
    types: ['用人单位'],
    content: '按批准的工时制度安排工作；休息休假和加班工资。',
    licensing: ['XK-RSJ-026'],
  }),
  item('JG-JYJ-0001', 'JYJ', '民办学校办学行为监督检查', '《中华人民共和国民办教育促进法》', {
    methods: ['onsite', 'document'],
    types: ['民办学校', '民办幼儿园'],
    content: '办学许可；招生简章和广告；收费；财务和资产管理。',
    licensing: ['XK-JYJ-004', 'XK-JYJ-005'],
  }),
  item('JG-JYJ-0002', 'JYJ', '校车安全监督检查', '《校车安全管理条例》', {
    level: 'key',
    methods: ['onsite'],
    types: ['学校', '校车服务提供者'],
    content: '校车使用许可；驾驶人资格；随车照管人员；车辆安全技术状况。',
    licensing: ['XK-JYJ-012'],
  }),
  item('JG-JYJ-0003', 'JYJ', '义务教育入学管理督导检查', '《中华人民共和国义务教育法》', {
    methods: ['document'],
    types: ['学校'],
    content: '延缓入学、休学审批材料；控辍保学。',
    licensing: ['XK-JYJ-006'],
    random: false,
  }),
  item('JG-CZJ-0001', 'CZJ', '代理记账机构监督检查', '《中华人民共和国会计法》；《代理记账管理办法》', {
    methods: ['document', 'online'],
    types: ['代理记账机构'],
    content: '代理记账资格条件持续符合；年度备案；业务规范。',
    licensing: ['XK-CZJ-001'],
  }),
  item('JG-SFJ-0001', 'SFJ', '社区矫正对象外出管理监督检查', '《中华人民共和国社区矫正法》', {
    methods: ['document', 'online'],
    types: ['个人'],
    content: '外出审批与实际行程；报告义务。',
    licensing: ['XK-SFJ-004'],
    random: false,
  }),
  // 林草、发改、商务、农牧、烟草
  item('JG-LCJ-0001', 'LCJ', '林木采伐和林地、草原使用监督检查', '《中华人民共和国森林法》；《中华人民共和国草原法》', {
    methods: ['onsite', 'remote'],
    types: ['林木采伐单位', '用地单位'],
    content: '按许可采伐；林地草原按审批使用并恢复植被。',
    licensing: ['XK-LCJ-001', 'XK-LCJ-002', 'XK-LCJ-003'],
  }),
  item('JG-LCJ-0002', 'LCJ', '陆生野生动物人工繁育监督检查', '《中华人民共和国野生动物保护法》', {
    methods: ['onsite'],
    types: ['野生动物人工繁育单位'],
    content: '繁育许可；种源合法；繁育档案和标识。',
    licensing: ['XK-LCJ-005'],
  }),
  item('JG-LCJ-0003', 'LCJ', '林草种子生产经营监督检查', '《中华人民共和国种子法》', {
    methods: ['onsite', 'sampling'],
    types: ['林草种子生产经营者'],
    content: '生产经营许可；种子质量；标签和档案。',
    licensing: ['XK-LCJ-006'],
  }),
  item('JG-LCJ-0004', 'LCJ', '防火期内野外用火监督检查', '《森林防火条例》；《草原防火条例》', {
    methods: ['onsite'],
    types: ['用火单位'],
    content: '按批准的时间、地点和措施用火。',
    licensing: ['XK-LCJ-007'],
    random: false,
  }),
  item('JG-FGW-0001', 'FGW', '投资项目事中事后监督检查', '《企业投资项目核准和备案管理条例》；《政府投资条例》；《固定资产投资项目节能审查办法》', {
    methods: ['document', 'online'],
    types: ['项目单位'],
    content: '按核准（审批）内容建设；节能审查意见落实；项目信息报送。',
    licensing: ['XK-FGW-002', 'XK-FGW-003', 'XK-FGW-004'],
  }),
  item('JG-SWJ-0001', 'SWJ', '成品油零售经营企业监督检查', '《内蒙古自治区成品油零售经营资格管理办法》', {
    methods: ['onsite', 'document'],
    types: ['加油站'],
    content: '经营资格条件持续符合；油品进销存台账。',
    licensing: ['XK-SWJ-002'],
  }),
  item('JG-NMKJ-0001', 'NMKJ', '动物防疫条件和动物诊疗机构监督检查', '《中华人民共和国动物防疫法》；《动物诊疗机构管理办法》', {
    methods: ['onsite'],
    types: ['养殖场', '屠宰加工场所', '动物诊疗机构'],
    content: '动物防疫条件合格证；防疫制度；诊疗许可与执业兽医。',
    licensing: ['XK-NMKJ-001', 'XK-NMKJ-005'],
  }),
  item('JG-NMKJ-0002', 'NMKJ', '农药、兽药经营监督检查', '《农药管理条例》；《兽药管理条例》', {
    methods: ['onsite', 'sampling'],
    types: ['农药经营者', '兽药经营企业'],
    content: '经营许可；购销台账；限制使用农药定点经营；产品质量抽检。',
    licensing: ['XK-NMKJ-002', 'XK-NMKJ-003'],
  }),
  item('JG-NMKJ-0003', 'NMKJ', '农作物种子生产经营监督检查', '《中华人民共和国种子法》；《农作物种子生产经营许可管理办法》', {
    methods: ['onsite', 'sampling'],
    types: ['种子生产经营者'],
    content: '生产经营许可；种子质量；标签和使用说明；档案。',
    licensing: ['XK-NMKJ-004'],
  }),
  item('JG-NMKJ-0004', 'NMKJ', '生鲜乳收购、运输监督检查', '《乳品质量安全监督管理条例》', {
    level: 'key',
    methods: ['onsite', 'sampling'],
    types: ['生鲜乳收购站', '生鲜乳运输车辆'],
    content: '收购站许可和准运证明；生鲜乳检测；交接单。',
    licensing: ['XK-NMKJ-006', 'XK-NMKJ-007'],
  }),
  item('JG-NMKJ-0005', 'NMKJ', '拖拉机和联合收割机驾驶人管理监督检查', '《农业机械安全监督管理条例》', {
    methods: ['document'],
    types: ['个人'],
    content: '驾驶证申领和审验。',
    licensing: ['XK-NMKJ-009'],
    random: false,
  }),
  item('JG-YCZM-0001', 'YCZM', '烟草专卖零售许可证持证户监督检查', '《中华人民共和国烟草专卖法》；《烟草专卖许可证管理办法》', {
    methods: ['onsite'],
    types: ['卷烟零售户'],
    content: '持证经营、亮证经营；按许可地址经营；进货渠道；向未成年人售烟。',
    licensing: ['XK-YCZM-001', 'XK-YCZM-002', 'XK-YCZM-003', 'XK-YCZM-004', 'XK-YCZM-005'],
  }),
];

/**
 * Loads the demo 监管事项清单 through the area itself (checks, audit and events as a person would),
 * as the region administrator, who keeps every department's list. Runs after the services seed, so
 * every 行政许可 code named is checked against the catalogue; an item already there is left alone.
 */
export async function seedRegulationItems(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', 'region.admin').executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who: Principal | null | undefined = row && (await p.identity.service.principalOf(row, null, null));
  if (!who) throw new Error('seed: no principal for region.admin');
  const have = new Set((await p.kernel.db.selectFrom('regulation_item').select('code').execute()).map((r) => r.code));
  for (const d of DEMO_SUPERVISION_ITEMS) {
    if (have.has(d.code)) continue;
    const departmentId = deptIds.get(d.dept);
    if (!departmentId) throw new Error(`seed: no department ${d.dept} for ${d.code}`);
    await p.regulation.items.items.create(
      who,
      {
        code: d.code,
        name: d.name,
        basis: d.basis,
        departmentId,
        level: d.level,
        methods: d.methods,
        entityTypes: d.entityTypes,
        content: d.content,
        randomCheck: d.randomCheck,
        licensingItemCodes: d.licensing,
        commitmentVerifyDays: d.commitmentDays ?? null,
      },
      'seed',
    );
  }
}
