/**
 * Vocabularies of the open-data portal. 主题分类 follows the theme lists of the provincial open-data
 * portals (领域), each mapped onto the EU data-theme authority table so DCAT-AP clients read a theme
 * they know; licences are the ones a bureau offers (CC BY 4.0 and its own 开放协议).
 */
export const THEMES = [
  ['economy', '经济建设', 'Economy', 'ECON'],
  ['finance', '财税金融', 'Finance and tax', 'ECON'],
  ['industry', '工业农业', 'Industry and agriculture', 'AGRI'],
  ['trade', '商贸流通', 'Trade', 'ECON'],
  ['market', '市场监管', 'Market regulation', 'GOVE'],
  ['credit', '信用服务', 'Credit', 'GOVE'],
  ['environment', '资源环境', 'Environment and resources', 'ENVI'],
  ['transport', '道路交通', 'Transport', 'TRAN'],
  ['education', '教育科技', 'Education and science', 'EDUC'],
  ['health', '卫生健康', 'Health', 'HEAL'],
  ['social', '社会保障', 'Social security', 'SOCI'],
  ['livelihood', '民生服务', 'Public services', 'SOCI'],
  ['culture', '文化休闲', 'Culture and leisure', 'EDUC'],
  ['housing', '城建住房', 'Urban development and housing', 'REGI'],
  ['safety', '公共安全', 'Public safety', 'JUST'],
  ['government', '机构团体', 'Government and organisations', 'GOVE'],
  ['geography', '地理空间', 'Geography', 'REGI'],
  ['weather', '气象服务', 'Weather', 'ENVI'],
  ['energy', '能源', 'Energy', 'ENER'],
] as const;
export type ThemeCode = (typeof THEMES)[number][0];

export const LICENCES = [
  ['CC-BY-4.0', '知识共享署名 4.0 国际许可协议', 'Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
  ['yiwang-open-1.0', '兴安盟公共数据开放利用协议', 'Hinggan League Public Data Open Licence', '/opendata/licence'],
] as const;
export type LicenceCode = (typeof LICENCES)[number][0];

/** The download formats of a dataset, and API access. */
export const FORMATS = ['CSV', 'JSON', 'XLSX', 'API'] as const;
export type FormatCode = (typeof FORMATS)[number];
