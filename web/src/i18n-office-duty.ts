/** Strings of the office area 「值班」, zh-CN first. */
export const offdutyZh = {
  title: '值班',
};

export const offdutyEn: typeof offdutyZh = {
  title: 'Duty',
};
