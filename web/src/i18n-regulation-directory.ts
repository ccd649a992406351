/** Strings of the regulation section 「名录库」, zh-CN first. */
export const regdirZh = {
  title: '名录库',
};

export const regdirEn: typeof regdirZh = {
  title: 'Directories',
};
