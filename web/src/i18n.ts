import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const zh = {
  app: { name: '一网', full: '一网 · 数字政府平台', region: '乌兰浩特市' },
  nav: { portal: '办事大厅', workbench: '工作台', admin: '系统管理', screen: '指挥大屏', signin: '登录', signout: '退出', main: '主导航' },
  a11y: { elderly: '长辈模式', language: 'English', languageLabel: '切换到英文', skip: '跳到正文' },
  portal: {
    title: '乌兰浩特市政务服务网',
    lead: '一网通办，一次办好。个人和企业办事，请在此查找事项、在线申请、查询进度。',
    search: '搜索服务事项', searchPlaceholder: '例如：个体工商户设立登记',
    pillars: '平台能力',
    p1: '一网通办', p1d: '事项在线申请、受理、审批、出件，好差评',
    p2: '12345热线', p2d: '诉求统一受理、按责转办、限时办结',
    p3: '一网统管', p3d: '网格事件、城市体征、多级联动',
    p4: '数据共享', p4d: '数据目录、共享申请、开放数据',
    regions: '本市街道与乡镇', soon: '服务事项将在一网通办模块上线后开放申请。',
  },
  signin: { title: '工作人员登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败', hint: '演示账号见 README（如 admin）' },
  workbench: { title: '工作台', welcome: '您好，{{name}}', roles: '角色', region: '管辖区划', department: '所属部门', inbox: '站内消息', empty: '暂无消息' },
  admin: {
    title: '系统管理', regions: '行政区划', departments: '部门', staff: '工作人员', calendar: '工作日历',
    code: '编码', name: '名称', nameEn: '英文名称', level: '层级', region: '所属区划', staffCount: '在岗人数', status: '状态',
    active: '启用', inactive: '停用', add: '新增部门', save: '保存', cancel: '取消', deactivate: '停用', activate: '启用', edit: '编辑',
    created: '已创建', saved: '已保存', more: '加载更多', search: '按名称筛选',
    employeeNo: '工号', phone: '手机（脱敏）', roles: '角色', department: '部门',
    addStaff: '新增工作人员', phoneInput: '手机号（选填）', phoneInvalid: '请输入 11 位手机号', username: '登录用户名', initialPassword: '初始密码', passwordRule: '至少 10 位，须含字母和数字', editDept: '编辑部门',
    year: '年份', day: '日期', kind: '类型', holiday: '节假日', workday: '调休上班', setDay: '设置日期', remove: '恢复为普通日',
    nextYearMissing: '{{year}} 年节假日安排尚未载入，承诺时限计算可能不准确。', loadYear: '载入 {{year}} 年安排', nextYearUnpublished: '（尚未公布，可手工录入）',
    levels: { '1': '省级', '2': '地市级', '3': '县级', '4': '乡镇/街道', '5': '社区/村' },
  },
  screen: { title: '指挥大屏', departments: '部门数', staff: '工作人员', streets: '街道乡镇', chart: '各区划部门分布' },
  common: { loading: '加载中…', error: '出错了', required: '必填', forbidden: '您无权访问此页面', back: '返回首页' },
};

const en: typeof zh = {
  app: { name: 'Yiwang', full: 'Yiwang · Digital Government Platform', region: 'Ulanhot' },
  nav: { portal: 'Services', workbench: 'Workbench', admin: 'Administration', screen: 'Command screen', signin: 'Sign in', signout: 'Sign out', main: 'Main navigation' },
  a11y: { elderly: 'Elderly mode', language: '中文', languageLabel: 'Switch to Chinese', skip: 'Skip to content' },
  portal: {
    title: 'Ulanhot Government Services',
    lead: 'One portal, done in one go. Find services, apply online and follow your applications.',
    search: 'Search services', searchPlaceholder: 'e.g. individual business registration',
    pillars: 'What the platform does',
    p1: 'Online services', p1d: 'Apply, accept, approve, deliver, rate the service',
    p2: '12345 hotline', p2d: 'One intake, dispatch by responsibility, time limits',
    p3: 'City operations', p3d: 'Grid events, city vital signs, multi-level dispatch',
    p4: 'Data sharing', p4d: 'Data catalogue, sharing requests, open data',
    regions: 'Streets and towns of the city', soon: 'Applications open when the online-services module is live.',
  },
  signin: { title: 'Staff sign-in', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed', hint: 'Demo accounts are listed in the README (e.g. admin)' },
  workbench: { title: 'Workbench', welcome: 'Hello, {{name}}', roles: 'Roles', region: 'Jurisdiction', department: 'Department', inbox: 'Inbox', empty: 'No messages' },
  admin: {
    title: 'Administration', regions: 'Regions', departments: 'Departments', staff: 'Staff', calendar: 'Calendar',
    code: 'Code', name: 'Name', nameEn: 'English name', level: 'Level', region: 'Region', staffCount: 'Active staff', status: 'Status',
    active: 'Active', inactive: 'Inactive', add: 'Add department', save: 'Save', cancel: 'Cancel', deactivate: 'Deactivate', activate: 'Activate', edit: 'Edit',
    created: 'Created', saved: 'Saved', more: 'Load more', search: 'Filter by name',
    employeeNo: 'Employee no.', phone: 'Phone (masked)', roles: 'Roles', department: 'Department',
    addStaff: 'Add staff member', phoneInput: 'Mobile (optional)', phoneInvalid: 'Enter an 11-digit mobile number', username: 'Sign-in name', initialPassword: 'Initial password', passwordRule: 'At least 10 characters with letters and digits', editDept: 'Edit department',
    year: 'Year', day: 'Date', kind: 'Kind', holiday: 'Holiday', workday: 'Make-up workday', setDay: 'Set a date', remove: 'Back to ordinary day',
    nextYearMissing: 'Holidays for {{year}} are not loaded yet; promised time limits may be wrong.', loadYear: 'Load {{year}}', nextYearUnpublished: '(not published yet; enter by hand)',
    levels: { '1': 'Province', '2': 'City', '3': 'County', '4': 'Township / street', '5': 'Community / village' },
  },
  screen: { title: 'Command screen', departments: 'Departments', staff: 'Staff', streets: 'Streets & towns', chart: 'Departments by region' },
  common: { loading: 'Loading…', error: 'Something went wrong', required: 'Required', forbidden: 'You may not open this page', back: 'Back to the portal' },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('yw.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem('yw.lang', lng);
});
document.documentElement.lang = i18n.language;

export default i18n;
