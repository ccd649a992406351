/** Strings of the regulation section 「抽查计划」, zh-CN first. */
export const regdrawZh = {
  title: '抽查计划',
};

export const regdrawEn: typeof regdrawZh = {
  title: 'Inspection plans',
};
