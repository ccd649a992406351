/**
 * The role catalogue and what each role may do. Stored in `org_role` at migration time so admins
 * and reports can read it; jurisdiction (region, department) is checked separately by the policy.
 */
export interface RoleDef {
  code: string;
  zh: string;
  en: string;
  permissions: string[];
  /** Holders act only on their own department's objects (others act across their region). */
  departmentScoped?: boolean;
}

export const ROLES: RoleDef[] = [
  { code: 'platform_admin', zh: '平台管理员', en: 'Platform administrator', permissions: ['*'] },
  {
    code: 'region_admin',
    zh: '区域管理员',
    en: 'Region administrator',
    permissions: [
      'org.read',
      'org.manage',
      'settings.manage',
      'calendar.manage',
      'audit.read',
      'workbench.use',
      'file.read',
      'screen.view',
      'services.manage',
      'services.stats',
      'cases.manage',
      'cases.stats',
      'cases.view',
      'cityops.manage',
      'cityops.view',
      'licenses.manage',
      'licenses.seals',
      'licenses.read',
      'data.read',
      'data.catalogue',
      'data.stats',
      'proactive.read',
      'proactive.manage',
      'office.use',
      'office.manage',
      'regulation.read',
      'regulation.manage',
      'regulation.figures',
      'opendata.manage',
      'openness.manage',
    ],
  },
  {
    code: 'window_staff',
    zh: '窗口工作人员',
    en: 'Window staff',
    permissions: ['workbench.use', 'org.read', 'file.read', 'identity.verify', 'services.handle', 'services.stats', 'licenses.read', 'data.read', 'data.request'],
  },
  {
    code: 'approver',
    zh: '审批人员',
    en: 'Approver',
    permissions: ['workbench.use', 'org.read', 'file.read', 'services.handle', 'services.stats', 'licenses.issue', 'licenses.read', 'data.read', 'data.request', 'data.decide'],
    departmentScoped: true,
  },
  {
    code: 'hotline_agent',
    zh: '12345话务员',
    en: '12345 hotline agent',
    permissions: ['workbench.use', 'org.read', 'file.read', 'cases.intake', 'cases.dispatch', 'cases.view', 'cases.supervise', 'cases.stats', 'cityops.view', 'data.read'],
  },
  { code: 'case_handler', zh: '工单承办人员', en: 'Case handler', permissions: ['workbench.use', 'org.read', 'file.read', 'cases.handle', 'data.read', 'data.request'], departmentScoped: true },
  { code: 'grid_worker', zh: '网格员', en: 'Grid worker', permissions: ['workbench.use', 'cases.report', 'cases.handle'], departmentScoped: true },
  // 互联网+监管: the regulator keeps the 两库一单, plans and draws 双随机 checks and reads every profile;
  // an inspector (执法检查人员) records the results of the tasks drawn for them.
  {
    code: 'regulator',
    zh: '监管人员',
    en: 'Regulator',
    permissions: ['workbench.use', 'org.read', 'file.read', 'data.read', 'data.request', 'regulation.read', 'regulation.plan', 'regulation.manage', 'regulation.figures'],
  },
  { code: 'inspector', zh: '执法检查人员', en: 'Inspector', permissions: ['workbench.use', 'org.read', 'file.read', 'regulation.read', 'regulation.inspect'], departmentScoped: true },
  {
    code: 'data_admin',
    zh: '数据管理员',
    en: 'Data administrator',
    permissions: ['workbench.use', 'org.read', 'data.read', 'data.catalogue', 'data.request', 'data.decide', 'data.bureau', 'data.stats', 'file.read', 'opendata.manage'],
  },
  // 公共数据开放: a department's 数据专员 answers for the data it provides — approves 有条件开放
  // applications as the provider and reads the sandbox log of its datasets.
  { code: 'data_steward', zh: '数据专员', en: 'Data steward', permissions: ['workbench.use', 'org.read', 'file.read', 'data.read', 'opendata.provide'], departmentScoped: true },
  // 政务公开: a department's 政务公开专员 drafts and publishes its documents, answers its 依申请公开
  // requests and its 留言; its 保密审查员 signs off that a draft holds nothing classified or private;
  // the 政务公开办 (openness.manage) keeps the lists, the yearly report and 督办 across departments.
  { code: 'openness_editor', zh: '政务公开专员', en: 'Openness editor', permissions: ['workbench.use', 'org.read', 'file.read', 'openness.edit'], departmentScoped: true },
  { code: 'secrecy_reviewer', zh: '保密审查员', en: 'Secrecy reviewer', permissions: ['workbench.use', 'org.read', 'file.read', 'openness.secrecy'], departmentScoped: true },
  { code: 'openness_admin', zh: '政务公开管理员', en: 'Openness administrator', permissions: ['workbench.use', 'org.read', 'file.read', 'openness.edit', 'openness.manage'] },
  {
    code: 'leader',
    zh: '领导',
    en: 'Leader',
    permissions: [
      'workbench.use',
      'org.read',
      'screen.view',
      'audit.read',
      'services.stats',
      'cases.view',
      'cases.supervise',
      'cases.stats',
      'cityops.view',
      'licenses.read',
      'data.read',
      'data.stats',
      'proactive.read',
      'file.read',
      'office.use',
      'office.draft',
      // 签发 and 批办: only for the leader's own unit, which each step checks.
      'office.sign',
      'regulation.read',
      'regulation.figures',
      // 政务公开: approves publication and a 依申请公开 extension, for the leader's own unit.
      'openness.approve',
    ],
  },
  {
    code: 'policy_officer',
    zh: '政策兑现专员',
    en: 'Policy delivery officer',
    permissions: ['workbench.use', 'org.read', 'file.read', 'data.read', 'proactive.read', 'proactive.manage'],
    departmentScoped: true,
  },
  // 一网协同: the people behind the counter. A unit's 文秘 drafts, registers, numbers, seals and sends
  // its 公文; its leaders sign off (签发) and instruct (批办); the 督查室 follows tasks up; the duty
  // desk keeps the rota and reports; the archivist keeps the packages. Every civil servant may draft.
  {
    code: 'office_clerk',
    zh: '办公室文秘',
    en: 'Office clerk',
    permissions: ['workbench.use', 'org.read', 'file.read', 'office.use', 'office.draft', 'office.clerk'],
    departmentScoped: true,
  },
  {
    code: 'office_supervisor',
    zh: '督查专员',
    en: 'Supervision officer',
    permissions: ['workbench.use', 'org.read', 'file.read', 'office.use', 'office.supervise'],
  },
  { code: 'duty_officer', zh: '值班员', en: 'Duty officer', permissions: ['workbench.use', 'org.read', 'file.read', 'office.use', 'office.duty'] },
  { code: 'archivist', zh: '档案员', en: 'Archivist', permissions: ['workbench.use', 'org.read', 'file.read', 'office.use', 'office.archive'] },
];

export const ROLE_CODES = ROLES.map((r) => r.code);

export function permissionsOf(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of roles) for (const p of ROLES.find((r) => r.code === code)?.permissions ?? []) out.add(p);
  return out;
}

/** True when one of the roles grants the permission across the holder's whole region. */
export function grantsAcrossDepartments(roles: readonly string[], permission: string): boolean {
  return roles.some((code) => {
    const r = ROLES.find((x) => x.code === code);
    return !!r && !r.departmentScoped && (r.permissions.includes('*') || r.permissions.includes(permission));
  });
}
