/** Strings of the office area 「会议」, zh-CN first. */
export const offmeetZh = {
  title: '会议',
};

export const offmeetEn: typeof offmeetZh = {
  title: 'Meetings',
};
