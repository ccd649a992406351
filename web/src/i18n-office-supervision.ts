/** Strings of the office area 「督查督办」, zh-CN first. */
export const offsupZh = {
  title: '督查督办',
};

export const offsupEn: typeof offsupZh = {
  title: 'Supervision tasks',
};
