/** Strings of the regulation section 「信用分类」, zh-CN first. */
export const regcreditZh = {
  title: '信用分类',
};

export const regcreditEn: typeof regcreditZh = {
  title: 'Credit classes',
};
