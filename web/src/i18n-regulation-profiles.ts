/** Strings of the regulation section 「企业画像」, zh-CN first. */
export const regprofZh = {
  title: '企业画像',
};

export const regprofEn: typeof regprofZh = {
  title: 'Enterprise profiles',
};
