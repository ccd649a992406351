/** Strings of the open-data section 「沙箱」, zh-CN first. */
export const odsbxZh = {
  title: '数据沙箱',
  workbench: '数据沙箱',
  section: '数据沙箱',
};

export const odsbxEn: typeof odsbxZh = {
  title: 'Data sandbox',
  workbench: 'Data sandbox',
  section: 'Data sandbox',
};
