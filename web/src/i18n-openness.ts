/** Strings of the openness section 「政务公开 (shell)」, zh-CN first. */
export const gkZh = {
  title: '政务公开',
  workbench: '政务公开',
  section: '政务公开',
  pillar: '政策文件、政策解读、依申请公开与政民互动',
};

export const gkEn: typeof gkZh = {
  title: 'Government openness',
  workbench: 'Openness',
  section: 'Government openness',
  pillar: 'Policies and their interpretations, information requests, questions and answers',
};
