/** Strings of the openness section 「发布审核」, zh-CN first. */
export const gkrevZh = {
  title: '发布审核',
  workbench: '发布审核',
};

export const gkrevEn: typeof gkrevZh = {
  title: 'Publication review',
  workbench: 'Publication review',
};
