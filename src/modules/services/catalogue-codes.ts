/**
 * Fixed vocabularies of the national service-item standard (实施清单要素) and the life / enterprise
 * events the catalogue is browsed by. Codes are stored; labels are shown.
 */
export const ITEM_TYPES = [
  ['licensing', '行政许可', 'Administrative licensing'],
  ['payment', '行政给付', 'Administrative payment'],
  ['confirmation', '行政确认', 'Administrative confirmation'],
  ['levy', '行政征收', 'Administrative levy'],
  ['adjudication', '行政裁决', 'Administrative adjudication'],
  ['reward', '行政奖励', 'Administrative reward'],
  ['inspection', '行政检查', 'Administrative inspection'],
  ['penalty', '行政处罚', 'Administrative penalty'],
  ['enforcement', '行政强制', 'Administrative enforcement'],
  ['other_power', '其他行政权力', 'Other administrative power'],
  ['public_service', '公共服务', 'Public service'],
] as const;

export const LIFE_EVENTS = [
  ['birth', '出生', 'Birth'],
  ['schooling', '上学', 'Schooling'],
  ['employment', '就业创业', 'Work'],
  ['marriage', '婚育', 'Marriage and family'],
  ['housing', '住房', 'Housing'],
  ['medical', '就医', 'Health care'],
  ['social_security', '社会保障', 'Social security'],
  ['retirement', '退休养老', 'Retirement'],
  ['travel', '出行', 'Travel'],
  ['after_death', '身后事', 'After a death'],
] as const;

export const ENTERPRISE_EVENTS = [
  ['start', '开办企业', 'Starting a business'],
  ['permit', '经营许可', 'Operating permits'],
  ['construction', '工程建设', 'Construction projects'],
  ['hiring', '员工招聘', 'Hiring'],
  ['tax', '纳税缴费', 'Taxes and fees'],
  ['change', '变更登记', 'Changes'],
  ['closing', '注销退出', 'Closing down'],
] as const;

export const DELIVERY_METHODS = [
  ['online', '网上下载', 'Online download'],
  ['mail', '邮寄送达', 'By post'],
  ['window', '窗口领取', 'Pick up at the window'],
] as const;

/** 好差评 levels, 5 = 非常满意 … 1 = 非常不满意; 1 and 2 open a rectification task. */
export const EVALUATION_LEVELS = [
  [5, '非常满意', 'Very satisfied'],
  [4, '满意', 'Satisfied'],
  [3, '基本满意', 'Fairly satisfied'],
  [2, '不满意', 'Dissatisfied'],
  [1, '非常不满意', 'Very dissatisfied'],
] as const;

/** Reasons offered with a rating (after the national 好差评 indicator set). */
export const EVALUATION_REASONS = [
  ['fast', '办理快捷', 'Handled quickly'],
  ['clear_guide', '办事指南清晰', 'Clear guidance'],
  ['polite', '服务热情', 'Courteous service'],
  ['one_visit', '一次办好', 'Done in one visit'],
  ['slow', '办理超时', 'Took too long'],
  ['unclear_guide', '指南不清', 'Unclear guidance'],
  ['many_visits', '多次跑动', 'Had to come several times'],
  ['repeat_materials', '重复提交材料', 'Asked for the same papers twice'],
  ['bad_attitude', '服务态度差', 'Poor attitude'],
  ['other', '其他', 'Other'],
] as const;

export const codesOf = (list: readonly (readonly [string | number, string, string])[]) => list.map((x) => x[0]);
