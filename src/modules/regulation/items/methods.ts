/**
 * 检查方式: the fixed list the 随机抽查事项清单 of 市场监管 and the other departments use (现场检查,
 * 书面检查, 网络监测, 抽样检测, 信用监管, 非现场/远程监管). Codes are stored; the web page and the
 * public list show the words.
 */
export const CHECK_METHODS = {
  onsite: { zh: '现场检查', en: 'On-site inspection' },
  document: { zh: '书面检查', en: 'Document review' },
  online: { zh: '网络监测', en: 'Online monitoring' },
  sampling: { zh: '抽样检测', en: 'Sampling and testing' },
  credit: { zh: '信用监管', en: 'Credit-based supervision' },
  remote: { zh: '非现场监管', en: 'Remote supervision' },
} as const;

export type CheckMethod = keyof typeof CHECK_METHODS;
export const CHECK_METHOD_CODES = Object.keys(CHECK_METHODS) as CheckMethod[];

/** 监管层级: 一般检查事项 or 重点检查事项 (市场监管总局 2019). */
export const ITEM_LEVELS = ['general', 'key'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];
