/** Strings of the openness section 「依申请公开」, zh-CN first. */
export const gkreqZh = {
  title: '依申请公开',
  apply: '申请政府信息公开',
  mine: '我的公开申请',
  workbench: '依申请公开',
};

export const gkreqEn: typeof gkreqZh = {
  title: 'Information requests',
  apply: 'Request government information',
  mine: 'My information requests',
  workbench: 'Information requests',
};
