import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { svcEn, svcZh } from './i18n-services';
import { casesEn, casesZh } from './i18n-cases';
import { cfgEn, cfgZh } from './i18n-settings';
import { licEn, licZh } from './i18n-licences';
import { dataEn, dataZh } from './i18n-data';

const zh = {
  app: { name: '一网', full: '一网 · 数字政府平台', region: '乌兰浩特市' },
  nav: { portal: '办事大厅', workbench: '工作台', admin: '系统管理', screen: '指挥大屏', account: '我的账号', register: '注册', signin: '登录', signout: '退出', main: '主导航' },
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
  sso: {
    title: '统一身份认证', lead: '一次认证，全网通办。登录后即可使用本平台及各部门接入的业务系统。',
    toApp: '正在登录：{{name}}', password: '密码登录', sms: '短信验证码登录', identifier: '手机号或用户名', passwordLabel: '密码',
    phone: '手机号码', code: '短信验证码', sendCode: '获取验证码', resend: '{{s}} 秒后重发', codeSent: '验证码已发送',
    submit: '登录', mfaTitle: '输入动态口令', mfaLead: '请打开身份验证器应用，输入 6 位动态口令；也可输入一个恢复码。', mfaCode: '动态口令或恢复码', verify: '验证',
    consentTitle: '授权确认', consentLead: '“{{name}}” 请求获取以下信息：', actAs: '以何种身份办理', asSelf: '本人（个人）', allow: '同意并继续', deny: '拒绝', cancel: '取消登录',
    register: '没有账号？立即注册', expired: '登录请求已过期，请回到应用重新登录。', failed: '登录未完成', retry: '重新登录', denied: '您已取消登录。',
    signinTitle: '登录一网', signinLead: '个人、法人和工作人员均通过统一身份认证登录。', go: '前往统一身份认证登录',
  },
  register: {
    title: '个人注册', lead: '使用本人手机号注册，注册后可进行实名认证。', username: '用户名（选填）', password: '设置密码', passwordRule: '至少 10 位，须含字母和数字',
    submit: '注册', done: '注册成功', phoneInvalid: '请输入 11 位手机号', codeInvalid: '请输入 6 位验证码',
  },
  account: {
    title: '账号与安全', profile: '账号信息', name: '姓名', username: '用户名', phone: '手机号', idNumber: '身份证号', level: '认证等级',
    levels: { '1': 'L1 手机验证', '2': 'L2 实名认证', '3': 'L3 窗口核验' },
    realName: '实名认证', realNameLead: '与人口基础信息比对，通过后可办理需要实名的事项。', realNameSubmit: '提交认证', realNameDone: '实名认证通过', idNumberInvalid: '请输入 18 位身份证号码',
    totp: '动态口令（双因素）', totpOff: '未开启。开启后登录需再输入身份验证器中的动态口令。', totpOn: '已开启，剩余恢复码 {{n}} 个。', totpStart: '开启动态口令',
    totpScan: '用身份验证器扫描二维码，或手工输入密钥：', totpConfirm: '输入验证器显示的 6 位数字', totpConfirmBtn: '确认开启', totpEnabled: '动态口令已开启',
    recovery: '恢复码（只显示这一次，请妥善保存；每个只能用一次）', totpDisable: '关闭动态口令', totpDisabled: '动态口令已关闭',
    sessions: '登录会话', created: '登录时间', device: '设备', factors: '认证方式', current: '当前', end: '结束', endAll: '全部退出', ended: '已结束',
    enterprises: '企业', claim: '法定代表人绑定企业', creditCode: '统一社会信用代码', claimBtn: '绑定', claimed: '已绑定企业', noEnterprises: '暂无可代表的企业',
    legalRep: '法定代表人', agent: '经办人', actingAs: '当前办事身份', self: '个人', switchTo: '切换为此身份', switched: '已切换办事身份',
    agents: '经办人授权', grant: '授权经办人', agentName: '经办人姓名', agentId: '经办人身份证号', scopes: '授权范围', expires: '有效期至', granted: '已授权', revoke: '撤销', revoked: '已撤销', valid: '有效', invalid: '已失效',
    scopeNames: { 'services.apply': '申办政务服务', 'licences.use': '使用电子证照', 'cases.submit': '提交诉求', 'evaluation.submit': '评价办件' },
    verifyTitle: '窗口身份核验（L3）', verifyLead: '核对申请人身份证原件后，将其账号提升为 L3。', verifyBtn: '核验', verified: '已核验为 L3',
  },
  clients: {
    title: '接入应用', add: '登记应用', clientId: '应用标识', name: '名称', type: '类型', confidential: '机密客户端（有密钥）', public: '公开客户端（PKCE）',
    redirects: '回调地址（每行一个）', logoutRedirects: '退出后回调地址（每行一个）', grants: '授权方式', scopes: '权限范围', accountTypes: '允许登录的账号类型',
    person: '个人', staff: '工作人员', secretTitle: '应用密钥', secretLead: '密钥只显示这一次，请交给应用管理员妥善保存：', newSecret: '重置密钥',
    keys: '令牌签名密钥', createdAt: '创建时间', rotate: '轮换签名密钥', rotated: '已轮换', signing: '签名中', published: '仅验证', retired: '已退役', firstParty: '平台自有',
    grantNames: { authorization_code: '授权码', refresh_token: '刷新令牌', client_credentials: '客户端凭证' },
  },
  workbench: { title: '工作台', welcome: '您好，{{name}}', roles: '角色', region: '管辖区划', department: '所属部门', inbox: '站内消息', empty: '暂无消息' },
  admin: {
    title: '系统管理', regions: '行政区划', departments: '部门', staff: '工作人员', calendar: '工作日历',
    code: '编码', name: '名称', nameEn: '英文名称', level: '层级', region: '所属区划', staffCount: '在岗人数', status: '状态',
    active: '启用', inactive: '停用', add: '新增部门', save: '保存', cancel: '取消', deactivate: '停用', activate: '启用', edit: '编辑',
    created: '已创建', saved: '已保存', more: '加载更多', search: '按名称筛选',
    employeeNo: '工号', phone: '手机（脱敏）', roles: '角色', department: '部门',
    addStaff: '新增工作人员', editRoles: '编辑角色', clients: '接入应用', phoneInput: '手机号（选填）', phoneInvalid: '请输入 11 位手机号', username: '登录用户名', initialPassword: '初始密码', passwordRule: '至少 10 位，须含字母和数字', editDept: '编辑部门',
    year: '年份', day: '日期', kind: '类型', holiday: '节假日', workday: '调休上班', setDay: '设置日期', remove: '恢复为普通日',
    nextYearMissing: '{{year}} 年节假日安排尚未载入，承诺时限计算可能不准确。', loadYear: '载入 {{year}} 年安排', nextYearUnpublished: '（尚未公布，可手工录入）',
    levels: { '1': '省级', '2': '地市级', '3': '县级', '4': '乡镇/街道', '5': '社区/村' },
  },
  screen: { title: '指挥大屏', departments: '部门数', staff: '工作人员', streets: '街道乡镇', chart: '各区划部门分布' },
  common: { loading: '加载中…', error: '出错了', required: '必填', forbidden: '您无权访问此页面', back: '返回首页' },
};

const en: typeof zh = {
  app: { name: 'Yiwang', full: 'Yiwang · Digital Government Platform', region: 'Ulanhot' },
  nav: { portal: 'Services', workbench: 'Workbench', admin: 'Administration', screen: 'Command screen', account: 'My account', register: 'Register', signin: 'Sign in', signout: 'Sign out', main: 'Main navigation' },
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
  sso: {
    title: 'Unified sign-in', lead: 'Sign in once and use this platform and every department system connected to it.',
    toApp: 'Signing in to: {{name}}', password: 'Password', sms: 'SMS code', identifier: 'Mobile number or username', passwordLabel: 'Password',
    phone: 'Mobile number', code: 'SMS code', sendCode: 'Send code', resend: 'Resend in {{s}} s', codeSent: 'Code sent',
    submit: 'Sign in', mfaTitle: 'Enter your one-time code', mfaLead: 'Open your authenticator app and enter the 6-digit code, or enter a recovery code.', mfaCode: 'One-time or recovery code', verify: 'Verify',
    consentTitle: 'Allow access', consentLead: '“{{name}}” asks for:', actAs: 'Act as', asSelf: 'Myself (person)', allow: 'Allow and continue', deny: 'Deny', cancel: 'Cancel sign-in',
    register: 'No account? Register', expired: 'This sign-in request has expired; go back to the application and start again.', failed: 'Sign-in not completed', retry: 'Sign in again', denied: 'You cancelled the sign-in.',
    signinTitle: 'Sign in to Yiwang', signinLead: 'People, enterprises and staff all sign in through the unified sign-in.', go: 'Go to unified sign-in',
  },
  register: {
    title: 'Register', lead: 'Register with your own mobile number; verify your real name afterwards.', username: 'Username (optional)', password: 'Choose a password', passwordRule: 'At least 10 characters with letters and digits',
    submit: 'Register', done: 'Registered', phoneInvalid: 'Enter an 11-digit mobile number', codeInvalid: 'Enter the 6-digit code',
  },
  account: {
    title: 'Account and security', profile: 'Account', name: 'Name', username: 'Username', phone: 'Mobile', idNumber: 'ID number', level: 'Assurance level',
    levels: { '1': 'L1 phone verified', '2': 'L2 real name verified', '3': 'L3 verified in person' },
    realName: 'Real-name verification', realNameLead: 'Checked against the population base data; needed for services that require your real name.', realNameSubmit: 'Verify', realNameDone: 'Real name verified', idNumberInvalid: 'Enter an 18-character ID number',
    totp: 'Authenticator (second factor)', totpOff: 'Off. When on, sign-in also asks for the code from your authenticator app.', totpOn: 'On; {{n}} recovery codes left.', totpStart: 'Turn on',
    totpScan: 'Scan the QR code with your authenticator app, or type the key:', totpConfirm: 'Enter the 6 digits your app shows', totpConfirmBtn: 'Confirm', totpEnabled: 'Authenticator turned on',
    recovery: 'Recovery codes (shown only now; keep them safe; each works once)', totpDisable: 'Turn off', totpDisabled: 'Authenticator turned off',
    sessions: 'Sessions', created: 'Signed in', device: 'Device', factors: 'Factors', current: 'This one', end: 'End', endAll: 'Sign out everywhere', ended: 'Ended',
    enterprises: 'Enterprises', claim: 'Claim an enterprise as its legal representative', creditCode: 'Unified social credit code', claimBtn: 'Claim', claimed: 'Enterprise claimed', noEnterprises: 'No enterprises to act for',
    legalRep: 'Legal representative', agent: 'Agent', actingAs: 'Acting as', self: 'Myself', switchTo: 'Act as this', switched: 'Now acting as selected',
    agents: 'Authorised agents', grant: 'Authorise an agent', agentName: 'Agent’s name', agentId: 'Agent’s ID number', scopes: 'Scopes', expires: 'Valid until', granted: 'Authorised', revoke: 'Revoke', revoked: 'Revoked', valid: 'Valid', invalid: 'Ended',
    scopeNames: { 'services.apply': 'Apply for services', 'licences.use': 'Use e-licences', 'cases.submit': 'Submit requests', 'evaluation.submit': 'Rate services' },
    verifyTitle: 'Verify a person at the window (L3)', verifyLead: 'After checking the applicant’s ID card, raise their account to L3.', verifyBtn: 'Verify', verified: 'Verified as L3',
  },
  clients: {
    title: 'Client applications', add: 'Register application', clientId: 'Client id', name: 'Name', type: 'Type', confidential: 'Confidential (has a secret)', public: 'Public (PKCE)',
    redirects: 'Redirect URIs (one per line)', logoutRedirects: 'Post-logout redirect URIs (one per line)', grants: 'Grant types', scopes: 'Scopes', accountTypes: 'Who may sign in',
    person: 'People', staff: 'Staff', secretTitle: 'Client secret', secretLead: 'Shown only now; hand it to the application’s administrator:', newSecret: 'New secret',
    keys: 'Token signing keys', createdAt: 'Created', rotate: 'Rotate signing key', rotated: 'Rotated', signing: 'Signing', published: 'Verifying only', retired: 'Retired', firstParty: 'Platform’s own',
    grantNames: { authorization_code: 'Authorization code', refresh_token: 'Refresh token', client_credentials: 'Client credentials' },
  },
  workbench: { title: 'Workbench', welcome: 'Hello, {{name}}', roles: 'Roles', region: 'Jurisdiction', department: 'Department', inbox: 'Inbox', empty: 'No messages' },
  admin: {
    title: 'Administration', regions: 'Regions', departments: 'Departments', staff: 'Staff', calendar: 'Calendar',
    code: 'Code', name: 'Name', nameEn: 'English name', level: 'Level', region: 'Region', staffCount: 'Active staff', status: 'Status',
    active: 'Active', inactive: 'Inactive', add: 'Add department', save: 'Save', cancel: 'Cancel', deactivate: 'Deactivate', activate: 'Activate', edit: 'Edit',
    created: 'Created', saved: 'Saved', more: 'Load more', search: 'Filter by name',
    employeeNo: 'Employee no.', phone: 'Phone (masked)', roles: 'Roles', department: 'Department',
    addStaff: 'Add staff member', editRoles: 'Edit roles', clients: 'Client applications', phoneInput: 'Mobile (optional)', phoneInvalid: 'Enter an 11-digit mobile number', username: 'Sign-in name', initialPassword: 'Initial password', passwordRule: 'At least 10 characters with letters and digits', editDept: 'Edit department',
    year: 'Year', day: 'Date', kind: 'Kind', holiday: 'Holiday', workday: 'Make-up workday', setDay: 'Set a date', remove: 'Back to ordinary day',
    nextYearMissing: 'Holidays for {{year}} are not loaded yet; promised time limits may be wrong.', loadYear: 'Load {{year}}', nextYearUnpublished: '(not published yet; enter by hand)',
    levels: { '1': 'Province', '2': 'City', '3': 'County', '4': 'Township / street', '5': 'Community / village' },
  },
  screen: { title: 'Command screen', departments: 'Departments', staff: 'Staff', streets: 'Streets & towns', chart: 'Departments by region' },
  common: { loading: 'Loading…', error: 'Something went wrong', required: 'Required', forbidden: 'You may not open this page', back: 'Back to the portal' },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('yw.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zh, svc: svcZh, cases: casesZh, lic: licZh, data: dataZh, cfg: cfgZh } }, en: { translation: { ...en, svc: svcEn, cases: casesEn, lic: licEn, data: dataEn, cfg: cfgEn } } },
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
