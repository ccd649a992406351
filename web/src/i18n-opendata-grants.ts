/** Strings of the open-data section 「有条件开放」, zh-CN first. */
export const odgrantZh = {
  title: '有条件开放申请',
  workbench: '有条件开放申请',
  section: '有条件开放申请',
};

export const odgrantEn: typeof odgrantZh = {
  title: 'Conditional access',
  workbench: 'Conditional access',
  section: 'Conditional access',
};
