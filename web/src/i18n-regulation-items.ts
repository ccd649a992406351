/** Strings of the regulation section 「监管事项」, zh-CN first. */
export const regitemZh = {
  title: '监管事项',
};

export const regitemEn: typeof regitemZh = {
  title: 'Supervision items',
};
