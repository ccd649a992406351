/** Strings of the regulation section 「检查任务」, zh-CN first. */
export const regtaskZh = {
  title: '检查任务',
};

export const regtaskEn: typeof regtaskZh = {
  title: 'Inspection tasks',
};
