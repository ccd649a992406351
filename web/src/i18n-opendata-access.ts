/** Strings of the open-data section 「下载与接口」, zh-CN first. */
export const odaccZh = {
  title: '数据接口',
  workbench: '数据接口',
  section: '数据接口',
};

export const odaccEn: typeof odaccZh = {
  title: 'Data API',
  workbench: 'Data API',
  section: 'Data API',
};
