/** Strings of the open-data section 「互动」, zh-CN first. */
export const odcomZh = {
  title: '数据需求与应用',
  workbench: '数据需求与应用',
  section: '数据需求与应用',
};

export const odcomEn: typeof odcomZh = {
  title: 'Requests and apps',
  workbench: 'Requests and apps',
  section: 'Requests and apps',
};
