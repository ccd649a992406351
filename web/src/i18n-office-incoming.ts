/** Strings of the office area 「收文」, zh-CN first. */
export const offinZh = {
  title: '收文',
};

export const offinEn: typeof offinZh = {
  title: 'Incoming documents',
};
