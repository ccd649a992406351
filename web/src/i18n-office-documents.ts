/** Strings of the office area 「发文」, zh-CN first. */
export const offdocZh = {
  title: '发文',
};

export const offdocEn: typeof offdocZh = {
  title: 'Outgoing documents',
};
