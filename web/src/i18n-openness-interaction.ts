/** Strings of the openness section 「政民互动」, zh-CN first. */
export const gkqaZh = {
  title: '政民互动',
  workbench: '政民互动',
};

export const gkqaEn: typeof gkqaZh = {
  title: 'Questions and answers',
  workbench: 'Questions and answers',
};
