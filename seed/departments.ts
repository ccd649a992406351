/** Departments of the demo city: code, name, English name, and (for street offices) the street's region code. */
export const CITY_DEPARTMENTS: [string, string, string][] = [
  ['BGS', '乌兰浩特市人民政府办公室', 'General Office of the Municipal Government'],
  ['ZWSJ', '乌兰浩特市政务服务和数据管理局', 'Government Services and Data Administration'],
  ['FGW', '乌兰浩特市发展和改革委员会', 'Development and Reform Commission'],
  ['JYJ', '乌兰浩特市教育局', 'Education Bureau'],
  ['GAJ', '乌兰浩特市公安局', 'Public Security Bureau'],
  ['MZJ', '乌兰浩特市民政局', 'Civil Affairs Bureau'],
  ['SFJ', '乌兰浩特市司法局', 'Justice Bureau'],
  ['CZJ', '乌兰浩特市财政局', 'Finance Bureau'],
  ['RSJ', '乌兰浩特市人力资源和社会保障局', 'Human Resources and Social Security Bureau'],
  ['ZRZYJ', '乌兰浩特市自然资源局', 'Natural Resources Bureau'],
  ['STHJ', '兴安盟生态环境局乌兰浩特市分局', 'Ecology and Environment Sub-bureau'],
  ['ZJJ', '乌兰浩特市住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ['JTJ', '乌兰浩特市交通运输局', 'Transport Bureau'],
  ['SLJ', '乌兰浩特市水利局', 'Water Resources Bureau'],
  ['NMKJ', '乌兰浩特市农牧和科技局', 'Agriculture, Animal Husbandry and Science Bureau'],
  ['SWJ', '乌兰浩特市商务局', 'Commerce Bureau'],
  ['WLTJ', '乌兰浩特市文化旅游体育局', 'Culture, Tourism and Sports Bureau'],
  ['WJW', '乌兰浩特市卫生健康委员会', 'Health Commission'],
  ['TYJR', '乌兰浩特市退役军人事务局', 'Veterans Affairs Bureau'],
  ['YJGL', '乌兰浩特市应急管理局', 'Emergency Management Bureau'],
  ['SJJ', '乌兰浩特市审计局', 'Audit Bureau'],
  ['SCJG', '乌兰浩特市市场监督管理局', 'Market Regulation Administration'],
  ['YBJ', '乌兰浩特市医疗保障局', 'Healthcare Security Bureau'],
  ['CGZF', '乌兰浩特市城市管理综合执法局', 'Urban Management and Law Enforcement Bureau'],
  ['RX12345', '乌兰浩特市12345政务服务便民热线中心', '12345 Government Service Hotline Centre'],
  ['SHZL', '乌兰浩特市社会治理综合指挥中心', 'Social Governance Command Centre'],
];

/** Staff for every role. Username, name, department code (street offices: region code), roles. */
export const DEMO_STAFF: [string, string, string, string[]][] = [
  ['admin', '包晓峰', 'ZWSJ', ['platform_admin']],
  ['region.admin', '王海燕', 'ZWSJ', ['region_admin']],
  ['window01', '李娜', 'ZWSJ', ['window_staff']],
  ['approver.scjg', '张建军', 'SCJG', ['approver']],
  ['approver.rsj', '刘玉梅', 'RSJ', ['approver']],
  ['hotline01', '赵敏', 'RX12345', ['hotline_agent']],
  ['grid.aiguo', '孟和', '152201001', ['grid_worker']],
  ['handler.aiguo', '白雪梅', '152201001', ['case_handler']],
  ['handler.cgzf', '吴俊峰', 'CGZF', ['case_handler']],
  ['handler.zjj', '黄立新', 'ZJJ', ['case_handler']],
  ['regulator01', '陈刚', 'SCJG', ['regulator']],
  ['data01', '乌云其木格', 'ZWSJ', ['data_admin']],
  ['leader01', '韩志强', 'BGS', ['leader']],
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
