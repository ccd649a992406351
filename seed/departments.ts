/** Departments of the demo city: code, name, English name, and (for street offices) the street's region code. */
export const CITY_DEPARTMENTS: [string, string, string][] = [
  ['BGS', '乌兰浩特市人民政府办公室', 'General Office of the Ulanhot Municipal Government'],
  ['ZWSJ', '乌兰浩特市政务服务和数据管理局', 'Ulanhot Government Services and Data Administration'],
  ['FGW', '乌兰浩特市发展和改革委员会', 'Ulanhot Development and Reform Commission'],
  ['JYJ', '乌兰浩特市教育局', 'Ulanhot Education Bureau'],
  ['GAJ', '乌兰浩特市公安局', 'Ulanhot Public Security Bureau'],
  ['MZJ', '乌兰浩特市民政局', 'Ulanhot Civil Affairs Bureau'],
  ['SFJ', '乌兰浩特市司法局', 'Ulanhot Justice Bureau'],
  ['CZJ', '乌兰浩特市财政局', 'Ulanhot Finance Bureau'],
  ['RSJ', '乌兰浩特市人力资源和社会保障局', 'Ulanhot Human Resources and Social Security Bureau'],
  ['ZRZYJ', '乌兰浩特市自然资源局', 'Ulanhot Natural Resources Bureau'],
  ['STHJ', '兴安盟生态环境局乌兰浩特市分局', 'Hinggan League Ecology and Environment Bureau, Ulanhot Branch'],
  ['ZJJ', '乌兰浩特市住房和城乡建设局', 'Ulanhot Housing and Urban-Rural Development Bureau'],
  ['JTJ', '乌兰浩特市交通运输局', 'Ulanhot Transport Bureau'],
  ['SLJ', '乌兰浩特市水利局', 'Ulanhot Water Resources Bureau'],
  ['NMKJ', '乌兰浩特市农牧和科技局', 'Ulanhot Agriculture, Animal Husbandry and Science Bureau'],
  ['SWJ', '乌兰浩特市商务局', 'Ulanhot Commerce Bureau'],
  ['WLTJ', '乌兰浩特市文化旅游体育局', 'Ulanhot Culture, Tourism and Sports Bureau'],
  ['WJW', '乌兰浩特市卫生健康委员会', 'Ulanhot Health Commission'],
  ['TYJR', '乌兰浩特市退役军人事务局', 'Ulanhot Veterans Affairs Bureau'],
  ['YJGL', '乌兰浩特市应急管理局', 'Ulanhot Emergency Management Bureau'],
  ['SJJ', '乌兰浩特市审计局', 'Ulanhot Audit Bureau'],
  ['SCJG', '乌兰浩特市市场监督管理局', 'Ulanhot Market Regulation Bureau'],
  ['YBJ', '乌兰浩特市医疗保障局', 'Ulanhot Healthcare Security Bureau'],
  ['CGZF', '乌兰浩特市城市管理综合执法局', 'Ulanhot Urban Management and Law Enforcement Bureau'],
  ['RX12345', '乌兰浩特市12345政务服务便民热线中心', 'Ulanhot 12345 Government Service Hotline Centre'],
  ['SHZL', '乌兰浩特市社会治理综合指挥中心', 'Ulanhot Social Governance Command Centre'],
  // Units a county-level city's 政务服务中心 and 12345 centre work with that are not bureaus of the
  // city government: vertical bureaus, brigades of the police, public utilities and carriers.
  // Appended, so the credit codes derived from a department's position stay as they were.
  ['SWUJ', '国家税务总局乌兰浩特市税务局', 'Ulanhot Tax Bureau, State Taxation Administration'],
  ['BDC', '乌兰浩特市不动产登记中心', 'Ulanhot Real Estate Registration Centre'],
  ['HZDD', '乌兰浩特市公安局治安户政管理大队', 'Ulanhot Public Order and Household Registration Brigade'],
  ['CRJ', '乌兰浩特市公安局出入境管理大队', 'Ulanhot Exit and Entry Administration Brigade'],
  ['JGDD', '乌兰浩特市公安局交通管理大队', 'Ulanhot Traffic Police Brigade'],
  ['XFJY', '乌兰浩特市消防救援大队', 'Ulanhot Fire and Rescue Brigade'],
  ['GJJ', '兴安盟住房公积金管理中心乌兰浩特市管理部', 'Hinggan League Housing Provident Fund Centre, Ulanhot Office'],
  ['LCJ', '乌兰浩特市林业和草原局', 'Ulanhot Forestry and Grassland Bureau'],
  ['TJJ', '乌兰浩特市统计局', 'Ulanhot Statistics Bureau'],
  ['MZW', '乌兰浩特市民族事务委员会', 'Ulanhot Ethnic Affairs Commission'],
  ['RFB', '乌兰浩特市人民防空办公室', 'Ulanhot Civil Air Defence Office'],
  ['QXJ', '乌兰浩特市气象局', 'Ulanhot Meteorological Bureau'],
  ['DAG', '乌兰浩特市档案馆', 'Ulanhot Archives'],
  ['CLH', '乌兰浩特市残疾人联合会', 'Ulanhot Disabled Persons’ Federation'],
  ['XFJ', '乌兰浩特市信访局', 'Ulanhot Petitions Bureau'],
  ['YCZM', '乌兰浩特市烟草专卖局', 'Ulanhot Tobacco Monopoly Bureau'],
  ['GDGS', '国网兴安供电公司乌兰浩特市供电分公司', 'State Grid Ulanhot Power Supply'],
  ['GSGS', '乌兰浩特市供排水有限责任公司', 'Ulanhot Water Supply and Drainage Company'],
  ['RQGS', '乌兰浩特市燃气有限公司', 'Ulanhot Gas Company'],
  ['GRGS', '乌兰浩特市热力有限责任公司', 'Ulanhot District Heating Company'],
  ['YZGS', '中国邮政集团有限公司乌兰浩特市分公司', 'China Post, Ulanhot Branch'],
  ['YDTX', '中国移动内蒙古公司乌兰浩特分公司', 'China Mobile, Ulanhot Branch'],
  ['LTTX', '中国联通乌兰浩特市分公司', 'China Unicom, Ulanhot Branch'],
  ['DXTX', '中国电信乌兰浩特分公司', 'China Telecom, Ulanhot Branch'],
];

/** Brigades and centres that sit under a bureau (department code → parent's code). */
export const PARENT_OF: Record<string, string> = { BDC: 'ZRZYJ', HZDD: 'GAJ', CRJ: 'GAJ', JGDD: 'GAJ' };

/** Staff for every role. Username, name, department code (street offices: region code), roles. */
export const DEMO_STAFF: [string, string, string, string[]][] = [
  ['admin', '包晓峰', 'ZWSJ', ['platform_admin']],
  ['region.admin', '王海燕', 'ZWSJ', ['region_admin']],
  ['window01', '李娜', 'ZWSJ', ['window_staff']],
  ['approver.scjg', '张建军', 'SCJG', ['approver']],
  // 审批分离: a 行政许可 reviewed by 张建军 is decided by a second approver of the bureau.
  ['decider.scjg', '高文静', 'SCJG', ['approver']],
  ['approver.rsj', '刘玉梅', 'RSJ', ['approver']],
  ['hotline01', '赵敏', 'RX12345', ['hotline_agent']],
  ['grid.aiguo', '孟和', '152201001', ['grid_worker']],
  ['handler.aiguo', '白雪梅', '152201001', ['case_handler']],
  ['handler.cgzf', '吴俊峰', 'CGZF', ['case_handler']],
  ['handler.zjj', '黄立新', 'ZJJ', ['case_handler']],
  ['regulator01', '陈刚', 'SCJG', ['regulator']],
  // 执法检查人员 with accounts (the 名录库 seed adds their 执法证 and more inspectors).
  ['jc.scjg01', '刘海涛', 'SCJG', ['inspector']],
  ['jc.scjg02', '其其格', 'SCJG', ['inspector']],
  ['jc.wjw01', '孙丽华', 'WJW', ['inspector']],
  ['data01', '乌云其木格', 'ZWSJ', ['data_admin']],
  // 公共数据开放: the providers' 数据专员 approve 有条件开放 applications for their own data.
  ['steward.scjg', '何淑芬', 'SCJG', ['data_steward']],
  ['steward.wjw', '包玉兰', 'WJW', ['data_steward']],
  ['leader01', '韩志强', 'BGS', ['leader']],
  // 政务公开: the 政府办's 政务公开办 and each unit's 政务公开专员 and 保密审查员 (leaders approve publication).
  ['gk.admin', '赵雅琴', 'BGS', ['openness_admin']],
  ['gk.bgs', '斯琴', 'BGS', ['openness_editor']],
  ['gk.mzj', '刘晓梅', 'MZJ', ['openness_editor']],
  ['bm.bgs', '陈立军', 'BGS', ['secrecy_reviewer']],
  ['bm.mzj', '格日勒', 'MZJ', ['secrecy_reviewer']],
  // 主动服务: each bureau's 政策兑现专员 manages its own policies (免申即享, 政策找人).
  ['policy.mzj', '苏日娜', 'MZJ', ['policy_officer']],
  ['policy.rsj', '郭红梅', 'RSJ', ['policy_officer']],
  // 一网协同: 文秘 of three units (发文 with 会签, 收文), a bureau's leader, the 督查室, the duty desk, the archives.
  ['clerk.bgs', '乌力吉', 'BGS', ['office_clerk']],
  ['clerk.mzj', '萨仁', 'MZJ', ['office_clerk']],
  ['clerk.rsj', '陈丽', 'RSJ', ['office_clerk']],
  ['leader.mzj', '王建国', 'MZJ', ['leader']],
  ['duban.bgs', '李春燕', 'BGS', ['office_supervisor']],
  ['duty.bgs', '张伟', 'BGS', ['duty_officer']],
  ['archivist01', '高娃', 'DAG', ['archivist']],
];

/** The demo accounts' shared password, printed in the README. Change it on a real installation. */
export const DEMO_PASSWORD = 'Yiwang2026demo';

/**
 * Demo people with accounts (real-name verified): a resident, and the legal representative of the
 * first demo company. Their ID numbers are the first synthetic residents'; their mobile numbers are
 * fixed so a newcomer can try SMS sign-in (codes land in `data/outgoing-messages.txt`).
 */
export const DEMO_PEOPLE = [
  { username: 'citizen01', role: 'resident', phone: '13904820001' },
  { username: 'qiye01', role: 'legal_rep', phone: '13904820002' },
] as const;

/** The example relying party a newcomer can point any OIDC client at (see the README). */
export const DEMO_RP = {
  clientId: 'demo-rp',
  secret: 'demo-rp-secret-2026',
  redirectUris: ['http://localhost:3000/callback', 'http://127.0.0.1:3000/callback'],
  postLogoutRedirectUris: ['http://localhost:3000/'],
};
