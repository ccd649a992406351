/** Strings of the open-data section 「开放目录」, zh-CN first. */
export const odcatZh = {
  title: '开放目录',
  workbench: '开放目录',
  section: '开放目录',
};

export const odcatEn: typeof odcatZh = {
  title: 'Open catalogue',
  workbench: 'Open catalogue',
  section: 'Open catalogue',
};
