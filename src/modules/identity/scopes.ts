/**
 * What people may do for themselves, and which of it an enterprise can authorise an agent (经办人)
 * to do in its name. The pillar modules check these permission names through the policy.
 */
export const PERSON_PERMISSIONS = ['account.self', 'services.apply', 'cases.submit', 'licences.use', 'evaluation.submit'] as const;

export const AGENT_SCOPES: { code: string; zh: string; en: string }[] = [
  { code: 'services.apply', zh: '以企业名义申办政务服务事项', en: 'Apply for government services in the enterprise’s name' },
  { code: 'licences.use', zh: '查看和使用企业电子证照', en: 'View and use the enterprise’s e-licences' },
  { code: 'cases.submit', zh: '以企业名义提交诉求', en: 'Submit requests to the hotline in the enterprise’s name' },
  { code: 'evaluation.submit', zh: '对办件进行评价', en: 'Rate the service received' },
];
export const AGENT_SCOPE_CODES = AGENT_SCOPES.map((s) => s.code);

/**
 * Scopes a department system may hold for system-to-system calls (client credentials). Each is the
 * permission it grants within the client's region.
 */
export const SYSTEM_SCOPES: { code: string; zh: string; en: string }[] = [
  { code: 'org.read', zh: '读取组织机构', en: 'Read the organisation' },
  { code: 'cases.intake', zh: '提交12345诉求与城市事件', en: 'Report 12345 requests and city events' },
  { code: 'data.gateway', zh: '按共享授权调用数据网关', en: 'Call the data gateway under a sharing grant' },
  // A resource server checks the tokens its callers present at the provider's introspection endpoint.
  { code: 'token.introspect', zh: '核验其他应用的访问令牌（资源服务器）', en: 'Introspect other applications’ access tokens (resource server)' },
];
export const SYSTEM_SCOPE_CODES = SYSTEM_SCOPES.map((s) => s.code);

/** OpenID Connect scopes people are asked to consent to, with what each releases. */
export const OIDC_SCOPES: { code: string; zh: string; en: string }[] = [
  { code: 'openid', zh: '确认您的身份', en: 'Confirm who you are' },
  { code: 'profile', zh: '姓名、账号类型和认证等级', en: 'Your name, account type and assurance level' },
  { code: 'phone', zh: '手机号码（脱敏）', en: 'Your mobile number (masked)' },
  { code: 'org', zh: '所在区划、部门与角色（工作人员）', en: 'Your region, department and roles (staff)' },
  { code: 'enterprise', zh: '您代表的企业', en: 'The enterprise you act for' },
  { code: 'offline_access', zh: '在您离开后保持登录（刷新令牌）', en: 'Stay signed in after you leave (refresh token)' },
];
