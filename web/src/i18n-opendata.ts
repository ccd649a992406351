/** Strings of the open-data section 「公共数据开放 (shell)」, zh-CN first. */
export const odZh = {
  title: '公共数据开放',
  workbench: '公共数据开放',
  section: '公共数据开放',
  pillar: '开放数据集、数据接口、数据需求与应用',
  nav: {
    label: '公共数据开放导航',
    datasets: '数据集',
    figures: '统计',
    api: '数据接口',
    applications: '我的申请',
    sandbox: '数据沙箱',
    demands: '数据需求',
    apps: '应用展示',
    products: '授权运营产品',
  },
};

export const odEn: typeof odZh = {
  title: 'Open data',
  workbench: 'Open data',
  section: 'Open data',
  pillar: 'Open datasets, data API, data requests and apps',
  nav: {
    label: 'Open data navigation',
    datasets: 'Datasets',
    figures: 'Figures',
    api: 'Data API',
    applications: 'My applications',
    sandbox: 'Sandbox',
    demands: 'Data requests',
    apps: 'Apps',
    products: 'Data products',
  },
};
