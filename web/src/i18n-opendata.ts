/** Strings of the open-data section 「公共数据开放 (shell)」, zh-CN first. */
export const odZh = {
  title: '公共数据开放',
  workbench: '公共数据开放',
  section: '公共数据开放',
  pillar: '开放数据集、数据接口、数据需求与应用',
};

export const odEn: typeof odZh = {
  title: 'Open data',
  workbench: 'Open data',
  section: 'Open data',
  pillar: 'Open datasets, data API, data requests and apps',
};
