/** Strings of the office area 「电子档案」, zh-CN first. */
export const offarcZh = {
  title: '电子档案',
};

export const offarcEn: typeof offarcZh = {
  title: 'E-archives',
};
