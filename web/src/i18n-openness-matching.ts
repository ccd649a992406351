/** Strings of the openness section 「政策找人」, zh-CN first. */
export const gkmatchZh = {
  title: '政策找人',
  workbench: '政策找人',
};

export const gkmatchEn: typeof gkmatchZh = {
  title: 'Policies that find people',
  workbench: 'Policy matching',
};
