import { INSTANT_WORKFLOW, PROMISED_WORKFLOW, type ItemContent } from '../src/modules/services/index.ts';

type Field = [name: string, title: string, kind: 'text' | 'long' | 'int' | 'date' | string[]];
type Mat = [name: string, required: boolean, replaceableBy?: string];

/** One row of the demo implementation list. Materials replaceable by an e-licence or shared data say so. */
interface DemoItem {
  code: string;
  name: string;
  nameEn: string;
  dept: string;
  type: ItemContent['itemType'];
  who: 'person' | 'enterprise' | 'both';
  statutory: number;
  promised: number;
  instant?: boolean;
  visits?: number;
  fee?: number;
  life?: ItemContent['lifeEvents'];
  ent?: ItemContent['enterpriseEvents'];
  basis: string;
  fields: Field[];
  materials: Mat[];
  level?: number;
}

const ID_CARD: Mat = ['居民身份证', true, 'data:population'];
const LICENCE: Mat = ['营业执照', true, 'licence:business_licence'];

/** 39 items of 乌兰浩特市, after the real implementation lists of the Inner Mongolia service portal. */
export const DEMO_ITEMS: DemoItem[] = [
  { code: 'XK-SCJG-001', name: '个体工商户设立登记', nameEn: 'Registration of an individual business', dept: 'SCJG', type: 'licensing', who: 'person', statutory: 15, promised: 3, life: ['employment'], ent: ['start'], basis: '《促进个体工商户发展条例》《市场主体登记管理条例》第三条', fields: [['shopName', '字号名称', 'text'], ['businessScope', '经营范围', 'long'], ['capital', '资金数额（元）', 'int']], materials: [ID_CARD, ['经营场所使用证明', true]] },
  { code: 'XK-SCJG-002', name: '食品经营许可', nameEn: 'Food business licence', dept: 'SCJG', type: 'licensing', who: 'both', statutory: 20, promised: 10, life: ['employment'], ent: ['permit'], basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》', fields: [['premisesAddress', '经营场所', 'text'], ['mainBusiness', '主体业态', ['食品销售经营者', '餐饮服务经营者', '单位食堂']], ['area', '经营面积（平方米）', 'int']], materials: [LICENCE, ['经营场所平面布局图', true], ['食品安全管理制度', true], ['食品安全管理人员证明', false]] },
  { code: 'XK-SCJG-003', name: '企业设立登记', nameEn: 'Company registration', dept: 'SCJG', type: 'licensing', who: 'person', statutory: 15, promised: 1, ent: ['start'], basis: '《中华人民共和国公司法》；《市场主体登记管理条例》第十九条', fields: [['companyName', '企业名称', 'text'], ['companyType', '企业类型', ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业']], ['registeredCapital', '注册资本（万元）', 'int']], materials: [ID_CARD, ['公司章程', true], ['住所使用证明', true]] },
  { code: 'XK-SCJG-004', name: '企业注销登记', nameEn: 'Deregistration of a company', dept: 'SCJG', type: 'licensing', who: 'enterprise', statutory: 15, promised: 3, ent: ['closing'], basis: '《市场主体登记管理条例》第三十一条', fields: [['reason', '注销原因', ['决议解散', '营业期限届满', '被依法撤销', '其他']], ['liquidationDate', '清算完成日期', 'date']], materials: [LICENCE, ['清算报告', true], ['注销决议', true]] },
  { code: 'XK-SCJG-005', name: '营业执照变更登记', nameEn: 'Change of business licence particulars', dept: 'SCJG', type: 'licensing', who: 'enterprise', statutory: 15, promised: 2, ent: ['change'], basis: '《市场主体登记管理条例》第二十四条', fields: [['changeItem', '变更事项', ['名称', '住所', '法定代表人', '经营范围', '注册资本']], ['after', '变更后内容', 'long']], materials: [LICENCE, ['变更决议', true]] },
  { code: 'GG-RSJ-001', name: '城乡居民养老保险参保登记', nameEn: 'Enrolment in the urban and rural residents’ pension', dept: 'RSJ', type: 'public_service', who: 'person', statutory: 1, promised: 0, instant: true, life: ['social_security', 'retirement'], basis: '《中华人民共和国社会保险法》第二十条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》', fields: [['householdAddress', '户籍地址', 'text'], ['contributionGrade', '缴费档次（元/年）', ['200', '300', '500', '1000', '2000', '3000']]], materials: [ID_CARD] , level: 2 },
  { code: 'JF-RSJ-002', name: '城乡居民养老保险待遇申领', nameEn: 'Claiming the urban and rural residents’ pension', dept: 'RSJ', type: 'payment', who: 'person', statutory: 20, promised: 5, life: ['retirement'], basis: '《中华人民共和国社会保险法》第二十一条', fields: [['bankAccount', '社会保障卡金融账户', 'text'], ['householdAddress', '户籍地址', 'text']], materials: [ID_CARD, ['社会保障卡', false, 'licence:social_security_card']] },
  { code: 'JF-RSJ-003', name: '失业保险金申领', nameEn: 'Claiming unemployment benefit', dept: 'RSJ', type: 'payment', who: 'person', statutory: 15, promised: 5, life: ['employment', 'social_security'], basis: '《失业保险条例》第十四条', fields: [['lastEmployer', '原工作单位', 'text'], ['separationDate', '离职日期', 'date'], ['reason', '离职原因', ['劳动合同期满', '用人单位解除', '其他非本人意愿']]], materials: [ID_CARD, ['解除或终止劳动关系证明', true]] },
  { code: 'GG-RSJ-004', name: '就业创业证申领', nameEn: 'Employment and entrepreneurship certificate', dept: 'RSJ', type: 'public_service', who: 'person', statutory: 5, promised: 0, instant: true, life: ['employment'], basis: '《就业服务与就业管理规定》第六十三条', fields: [['employmentStatus', '就业状态', ['登记失业', '灵活就业', '自主创业']], ['education', '文化程度', ['初中及以下', '高中/中专', '大专', '本科及以上']]], materials: [ID_CARD] },
  { code: 'JF-RSJ-005', name: '职业技能提升补贴申领', nameEn: 'Vocational skills upgrading subsidy', dept: 'RSJ', type: 'payment', who: 'person', statutory: 20, promised: 10, life: ['employment'], basis: '《关于失业保险支持参保职工提升职业技能有关问题的通知》', fields: [['certificateNo', '职业技能等级证书编号', 'text'], ['occupation', '职业（工种）', 'text']], materials: [ID_CARD, ['职业技能等级证书', true]] },
  { code: 'GG-RSJ-006', name: '社会保障卡申领', nameEn: 'Social security card application', dept: 'RSJ', type: 'public_service', who: 'person', statutory: 10, promised: 0, instant: true, life: ['social_security', 'medical'], basis: '《社会保障卡管理办法》', fields: [['mailAddress', '邮寄地址', 'text']], materials: [ID_CARD, ['近期免冠彩色证件照', true]] },
  { code: 'GG-RSJ-007', name: '企业职工参保登记', nameEn: 'Enrolling employees in social insurance', dept: 'RSJ', type: 'public_service', who: 'enterprise', statutory: 15, promised: 1, ent: ['hiring'], basis: '《中华人民共和国社会保险法》第五十七条', fields: [['employees', '参保职工人数', 'int'], ['startMonth', '参保起始年月', 'text']], materials: [LICENCE, ['职工花名册', true]] },
  { code: 'QR-GAJ-001', name: '居民身份证换领', nameEn: 'Renewal of the resident identity card', dept: 'GAJ', type: 'confirmation', who: 'person', statutory: 60, promised: 20, life: ['travel'], visits: 1, fee: 2000, basis: '《中华人民共和国居民身份证法》第十一条', fields: [['reason', '换领原因', ['有效期满', '证件损坏', '登记项目变更']]], materials: [['原居民身份证', true]] },
  { code: 'XK-GAJ-002', name: '户口迁移（准予迁入）', nameEn: 'Household registration transfer (permission to move in)', dept: 'GAJ', type: 'licensing', who: 'person', statutory: 20, promised: 5, life: ['housing'], visits: 1, basis: '《中华人民共和国户口登记条例》第十条', fields: [['fromAddress', '迁出地', 'text'], ['toAddress', '迁入地址', 'text'], ['reason', '迁移原因', ['购房', '投靠亲属', '就业', '其他']]], materials: [ID_CARD, ['居民户口簿', true], ['合法稳定住所证明', true]] },
  { code: 'QR-GAJ-003', name: '出生登记', nameEn: 'Birth registration', dept: 'GAJ', type: 'confirmation', who: 'person', statutory: 10, promised: 1, life: ['birth'], basis: '《中华人民共和国户口登记条例》第七条', fields: [['childName', '新生儿姓名', 'text'], ['birthDate', '出生日期', 'date']], materials: [['出生医学证明', true, 'licence:birth_certificate'], ['父母居民户口簿', true]] },
  { code: 'QR-MZJ-001', name: '内地居民结婚登记', nameEn: 'Marriage registration', dept: 'MZJ', type: 'confirmation', who: 'person', statutory: 1, promised: 0, instant: true, life: ['marriage'], visits: 1, basis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》', fields: [['partnerName', '对方姓名', 'text'], ['appointment', '预约日期', 'date']], materials: [ID_CARD, ['近期半身免冠合影照片', true]] },
  { code: 'JF-MZJ-002', name: '最低生活保障申请', nameEn: 'Minimum living allowance (dibao)', dept: 'MZJ', type: 'payment', who: 'person', statutory: 30, promised: 20, life: ['social_security'], basis: '《社会救助暂行办法》第十一条', fields: [['householdSize', '共同生活家庭成员人数', 'int'], ['monthlyIncome', '家庭月收入（元）', 'int']], materials: [ID_CARD, ['家庭收入和财产状况声明', true]] },
  { code: 'JF-MZJ-003', name: '高龄津贴申领', nameEn: 'Allowance for the very old', dept: 'MZJ', type: 'payment', who: 'person', statutory: 20, promised: 10, life: ['retirement'], basis: '《内蒙古自治区高龄津贴发放办法》', fields: [['bankAccount', '发放账户', 'text']], materials: [ID_CARD] },
  { code: 'JF-MZJ-004', name: '基本殡葬服务补贴申领', nameEn: 'Basic funeral service subsidy', dept: 'MZJ', type: 'payment', who: 'person', statutory: 20, promised: 10, life: ['after_death'], basis: '《殡葬管理条例》；《内蒙古自治区惠民殡葬政策》', fields: [['deceasedName', '逝者姓名', 'text'], ['dateOfDeath', '死亡日期', 'date']], materials: [['居民死亡医学证明（推断）书', true], ['火化证明', true]] },
  { code: 'XK-ZRZYJ-001', name: '建设工程规划许可证核发', nameEn: 'Construction project planning permit', dept: 'ZRZYJ', type: 'licensing', who: 'enterprise', statutory: 20, promised: 10, ent: ['construction'], basis: '《中华人民共和国城乡规划法》第四十条', fields: [['projectName', '项目名称', 'text'], ['siteAddress', '建设地点', 'text'], ['floorArea', '总建筑面积（平方米）', 'int']], materials: [LICENCE, ['建设工程设计方案', true], ['土地权属证明', true, 'licence:real_estate']] },
  { code: 'XK-ZRZYJ-002', name: '建设用地规划许可证核发', nameEn: 'Construction land planning permit', dept: 'ZRZYJ', type: 'licensing', who: 'enterprise', statutory: 20, promised: 10, ent: ['construction'], basis: '《中华人民共和国城乡规划法》第三十七条', fields: [['projectName', '项目名称', 'text'], ['landArea', '用地面积（平方米）', 'int']], materials: [LICENCE, ['建设项目用地预审与选址意见书', true]] },
  { code: 'QR-ZRZYJ-003', name: '不动产转移登记', nameEn: 'Real estate transfer registration', dept: 'ZRZYJ', type: 'confirmation', who: 'both', statutory: 30, promised: 5, life: ['housing'], ent: ['change'], fee: 8000, basis: '《不动产登记暂行条例》第十四条', fields: [['propertyAddress', '不动产坐落', 'text'], ['certificateNo', '原不动产权证书号', 'text']], materials: [ID_CARD, ['不动产权证书', true, 'licence:real_estate'], ['买卖合同', true]] },
  { code: 'XK-ZJJ-001', name: '建筑工程施工许可证核发', nameEn: 'Building construction permit', dept: 'ZJJ', type: 'licensing', who: 'enterprise', statutory: 7, promised: 3, ent: ['construction'], basis: '《中华人民共和国建筑法》第七条', fields: [['projectName', '工程名称', 'text'], ['contractAmount', '合同价格（万元）', 'int'], ['startDate', '计划开工日期', 'date']], materials: [LICENCE, ['建设工程规划许可证', true, 'licence:construction_planning'], ['施工合同', true]] },
  { code: 'GG-ZJJ-002', name: '公共租赁住房申请', nameEn: 'Public rental housing application', dept: 'ZJJ', type: 'public_service', who: 'person', statutory: 30, promised: 20, life: ['housing'], basis: '《公共租赁住房管理办法》第七条', fields: [['householdSize', '家庭人口', 'int'], ['currentHousing', '现住房情况', ['无自有住房', '人均面积低于标准']]], materials: [ID_CARD, ['家庭收入证明', true]] },
  { code: 'XK-WJW-001', name: '医师执业注册', nameEn: 'Registration to practise as a physician', dept: 'WJW', type: 'licensing', who: 'person', statutory: 20, promised: 10, life: ['employment'], basis: '《中华人民共和国医师法》第十三条', fields: [['qualificationNo', '医师资格证书编码', 'text'], ['practiceScope', '执业范围', ['内科', '外科', '妇产科', '儿科', '全科医学', '中医']], ['institution', '执业机构', 'text']], materials: [ID_CARD, ['医师资格证书', true], ['健康体检证明', true]] },
  { code: 'GG-WJW-002', name: '出生医学证明办理', nameEn: 'Birth medical certificate', dept: 'WJW', type: 'public_service', who: 'person', statutory: 5, promised: 1, life: ['birth'], basis: '《中华人民共和国母婴保健法》第二十三条', fields: [['childName', '新生儿姓名', 'text'], ['hospital', '出生医院', 'text']], materials: [ID_CARD] },
  { code: 'XK-WJW-003', name: '公共场所卫生许可', nameEn: 'Public venue hygiene licence', dept: 'WJW', type: 'licensing', who: 'enterprise', statutory: 20, promised: 5, ent: ['permit'], basis: '《公共场所卫生管理条例》第八条', fields: [['venueType', '场所类型', ['住宿场所', '沐浴场所', '美容美发场所', '游泳场所']], ['venueAddress', '场所地址', 'text']], materials: [LICENCE, ['卫生检测报告', true]] },
  { code: 'GG-JYJ-001', name: '义务教育阶段入学登记', nameEn: 'Enrolment in compulsory education', dept: 'JYJ', type: 'public_service', who: 'person', statutory: 20, promised: 10, life: ['schooling'], basis: '《中华人民共和国义务教育法》第十二条', fields: [['childName', '适龄儿童姓名', 'text'], ['grade', '入学年级', ['小学一年级', '初中一年级']], ['school', '意向学校', 'text']], materials: [['居民户口簿', true], ['房产或居住证明', true, 'licence:real_estate']] },
  { code: 'XK-JTJ-001', name: '道路货物运输经营许可', nameEn: 'Road freight transport licence', dept: 'JTJ', type: 'licensing', who: 'enterprise', statutory: 20, promised: 10, ent: ['permit'], basis: '《中华人民共和国道路运输条例》第二十四条', fields: [['vehicles', '营运车辆数', 'int'], ['cargoType', '经营范围', ['普通货运', '货物专用运输', '大型物件运输']]], materials: [LICENCE, ['车辆行驶证', true], ['驾驶员从业资格证', true]] },
  { code: 'XK-WLTJ-001', name: '娱乐场所经营许可', nameEn: 'Entertainment venue licence', dept: 'WLTJ', type: 'licensing', who: 'enterprise', statutory: 20, promised: 10, ent: ['permit'], basis: '《娱乐场所管理条例》第九条', fields: [['venueName', '场所名称', 'text'], ['rooms', '包厢（间）数', 'int']], materials: [LICENCE, ['消防安全检查合格证明', true]] },
  { code: 'GG-YBJ-001', name: '城乡居民基本医疗保险参保登记', nameEn: 'Enrolment in residents’ basic medical insurance', dept: 'YBJ', type: 'public_service', who: 'person', statutory: 1, promised: 0, instant: true, life: ['medical', 'social_security'], basis: '《中华人民共和国社会保险法》第二十五条', fields: [['householdAddress', '户籍地址', 'text']], materials: [ID_CARD] },
  { code: 'GG-YBJ-002', name: '异地就医备案', nameEn: 'Registering medical treatment in another place', dept: 'YBJ', type: 'public_service', who: 'person', statutory: 1, promised: 0, instant: true, life: ['medical', 'travel'], basis: '《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》', fields: [['destination', '就医地', 'text'], ['category', '备案类型', ['异地长期居住', '临时外出就医', '转诊转院']], ['startDate', '备案开始日期', 'date']], materials: [ID_CARD] },
  { code: 'XK-SLJ-001', name: '取水许可', nameEn: 'Water abstraction permit', dept: 'SLJ', type: 'licensing', who: 'enterprise', statutory: 45, promised: 20, ent: ['permit'], basis: '《取水许可和水资源费征收管理条例》第十条', fields: [['source', '取水水源', ['地表水', '地下水']], ['annualVolume', '年取水量（立方米）', 'int']], materials: [LICENCE, ['建设项目水资源论证报告', true]] },
  { code: 'JF-TYJR-001', name: '退役士兵自主就业一次性经济补助发放', nameEn: 'One-off grant to discharged soldiers finding their own work', dept: 'TYJR', type: 'payment', who: 'person', statutory: 30, promised: 15, life: ['employment'], basis: '《退役军人安置条例》第二十条', fields: [['dischargeDate', '退役时间', 'date'], ['serviceYears', '服役年限', 'int']], materials: [ID_CARD, ['退出现役证', true]] },
  { code: 'XK-STHJ-001', name: '建设项目环境影响报告表审批', nameEn: 'Approval of an environmental impact report form', dept: 'STHJ', type: 'licensing', who: 'enterprise', statutory: 30, promised: 15, ent: ['construction'], basis: '《中华人民共和国环境影响评价法》第二十二条', fields: [['projectName', '项目名称', 'text'], ['industry', '行业类别', 'text']], materials: [LICENCE, ['环境影响报告表', true]] },
  { code: 'XK-CGZF-001', name: '城市建筑垃圾处置核准', nameEn: 'Approval of construction waste disposal', dept: 'CGZF', type: 'licensing', who: 'enterprise', statutory: 20, promised: 5, ent: ['construction'], basis: '《城市建筑垃圾管理规定》第七条', fields: [['projectName', '工程名称', 'text'], ['volume', '处置量（立方米）', 'int']], materials: [LICENCE, ['建筑垃圾处置方案', true]] },
  { code: 'XK-YJGL-001', name: '烟花爆竹经营（零售）许可', nameEn: 'Fireworks retail licence', dept: 'YJGL', type: 'licensing', who: 'enterprise', statutory: 20, promised: 10, ent: ['permit'], basis: '《烟花爆竹安全管理条例》第十九条', fields: [['storeAddress', '零售场所地址', 'text'], ['storageArea', '储存面积（平方米）', 'int']], materials: [LICENCE, ['零售场所安全条件说明', true]] },
  { code: 'QT-FGW-001', name: '企业投资项目备案', nameEn: 'Filing of an enterprise investment project', dept: 'FGW', type: 'other_power', who: 'enterprise', statutory: 3, promised: 1, ent: ['construction'], basis: '《企业投资项目核准和备案管理条例》第十三条', fields: [['projectName', '项目名称', 'text'], ['investment', '总投资（万元）', 'int'], ['siteAddress', '建设地点', 'text']], materials: [LICENCE] },
  { code: 'GG-SWJ-001', name: '对外贸易经营者备案登记', nameEn: 'Foreign trade operator filing', dept: 'SWJ', type: 'public_service', who: 'enterprise', statutory: 5, promised: 1, ent: ['permit'], basis: '《中华人民共和国对外贸易法》第九条', fields: [['englishName', '英文名称', 'text'], ['tradeScope', '经营范围', 'long']], materials: [LICENCE] },
];

const fieldSchema = ([, title, kind]: Field) => {
  if (Array.isArray(kind)) return { type: 'string', title, enum: kind };
  if (kind === 'int') return { type: 'integer', title, minimum: 0, maximum: 1_000_000_000 };
  if (kind === 'date') return { type: 'string', title, format: 'date' };
  return { type: 'string', title, minLength: 1, maxLength: kind === 'long' ? 1000 : 100 };
};

/** The elements of one demo item: the person or enterprise part of the form is filled by the platform. */
export function demoItemContent(d: DemoItem, departmentId: string): ItemContent {
  const enterprise = d.who === 'enterprise';
  const known: Field[] = enterprise
    ? [['enterpriseName', '企业名称', 'text'], ['creditCode', '统一社会信用代码', 'text'], ['legalRepName', '法定代表人', 'text'], ['contactPhone', '联系电话', 'text']]
    : [['applicantName', '申请人姓名', 'text'], ['idNumber', '公民身份号码', 'text'], ['contactPhone', '联系电话', 'text']];
  const prefill: Record<string, 'person.name' | 'person.idNumber' | 'person.phone' | 'enterprise.name' | 'enterprise.creditCode' | 'enterprise.legalRepName'> = enterprise
    ? { enterpriseName: 'enterprise.name', creditCode: 'enterprise.creditCode', legalRepName: 'enterprise.legalRepName', contactPhone: 'person.phone' }
    : { applicantName: 'person.name', idNumber: 'person.idNumber', contactPhone: 'person.phone' };
  const all = [...known, ...d.fields];
  return {
    name: d.name,
    nameEn: d.nameEn,
    itemType: d.type,
    departmentId,
    legalBasis: d.basis,
    applicantTypes: d.who === 'both' ? ['person', 'enterprise'] : [d.who],
    assuranceLevel: d.level ?? 2,
    statutoryDays: d.statutory,
    promisedDays: d.promised,
    handling: d.instant ? 'instant' : 'promised',
    feeFen: d.fee ?? 0,
    visits: d.visits ?? 0,
    materials: d.materials.map(([name, required, replace], i) => ({
      code: `m${i + 1}`,
      name,
      required,
      form: 'electronic' as const,
      accept: ['application/pdf', 'image/png', 'image/jpeg'] as ('application/pdf' | 'image/png' | 'image/jpeg')[],
      replaceableBy: replace ? { kind: replace.split(':')[0] as 'licence' | 'data', ref: replace.split(':')[1] } : null,
    })),
    conditions: `申请人符合${d.basis.split('；')[0]}规定的条件，材料齐全、符合法定形式。`,
    deliveryMethods: d.instant ? ['online', 'window'] : ['online', 'mail', 'window'],
    lifeEvents: d.life ?? [],
    enterpriseEvents: d.ent ?? [],
    form: {
      schema: { type: 'object', required: all.map((f) => f[0]), properties: Object.fromEntries(all.map((f) => [f[0], fieldSchema(f)])) },
      uiSchema: Object.fromEntries(d.fields.filter((f) => f[2] === 'long').map((f) => [f[0], { 'ui:widget': 'textarea' }])),
      prefill,
    },
    workflow: structuredClone(d.instant ? INSTANT_WORKFLOW : PROMISED_WORKFLOW),
  };
}
