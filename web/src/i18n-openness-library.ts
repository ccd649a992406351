/** Strings of the openness section 「政策文件库」, zh-CN first. */
export const gklibZh = {
  title: '政策文件库',
  document: '政策文件',
  workbench: '已发布文件',
};

export const gklibEn: typeof gklibZh = {
  title: 'Policy library',
  document: 'Policy document',
  workbench: 'Published documents',
};
