/** Strings of the openness section 「年度报告」, zh-CN first. */
export const gkrptZh = {
  title: '政府信息公开工作年度报告',
  workbench: '年度报告',
};

export const gkrptEn: typeof gkrptZh = {
  title: 'Annual report on government information disclosure',
  workbench: 'Annual report',
};
