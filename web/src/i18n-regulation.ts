/** Strings of the 互联网+监管 shell (workbench tab and public pages), zh-CN first. */
export const regZh = {
  area: '互联网+监管',
  section: '监管板块',
  publicTitle: '双随机一公开',
};

export const regEn: typeof regZh = {
  area: 'Regulation',
  section: 'Regulation sections',
  publicTitle: 'Random inspections, published',
};
