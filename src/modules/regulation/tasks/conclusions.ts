/**
 * 检查结论: the fixed list the 国家企业信用信息公示系统 publishes results with (抽查检查结果). `kind`
 * says how a conclusion counts: `pass` for a clean inspection, `problem` for one that found
 * something (these feed the credit class as a failed inspection), `none` when nothing was
 * inspected (no activity, already deregistered) and the result counts neither way.
 */
export const CONCLUSIONS = [
  { code: 'no_problem', kind: 'pass', zh: '未发现问题', en: 'No problem found' },
  { code: 'no_activity', kind: 'none', zh: '未发现开展本次抽查涉及的经营活动', en: 'No business activity covered by this inspection found' },
  { code: 'deregistered', kind: 'none', zh: '已注销或被吊销营业执照', en: 'Deregistered or business licence revoked' },
  { code: 'corrected', kind: 'problem', zh: '发现问题已责令改正', en: 'Problem found, correction ordered' },
  { code: 'follow_up', kind: 'problem', zh: '发现问题待后续处理', en: 'Problem found, to be handled later' },
  { code: 'case_filed', kind: 'problem', zh: '立案查处', en: 'Case filed for investigation' },
  { code: 'unreachable', kind: 'problem', zh: '通过登记的住所（经营场所）无法联系', en: 'Cannot be reached at the registered address (place of business)' },
  { code: 'uncooperative', kind: 'problem', zh: '不配合检查情节严重', en: 'Seriously uncooperative with the inspection' },
  { code: 'false_disclosure', kind: 'problem', zh: '公示信息隐瞒真实情况、弄虚作假', en: 'Published information concealed or falsified' },
] as const;

export type ConclusionCode = (typeof CONCLUSIONS)[number]['code'];
export const CONCLUSION_CODES = CONCLUSIONS.map((c) => c.code) as ConclusionCode[];
export const PROBLEM_CODES = CONCLUSIONS.filter((c) => c.kind === 'problem').map((c) => c.code) as ConclusionCode[];
export const PASS_CODES = CONCLUSIONS.filter((c) => c.kind === 'pass').map((c) => c.code) as ConclusionCode[];

export const conclusionOf = (code: string) => CONCLUSIONS.find((c) => c.code === code) ?? null;
export const isProblem = (code: string) => conclusionOf(code)?.kind === 'problem';

/** 行政处罚 kinds (《行政处罚法》第九条). */
export const PENALTY_KINDS = [
  { code: 'warning', zh: '警告', en: 'Warning' },
  { code: 'notice', zh: '通报批评', en: 'Public criticism' },
  { code: 'fine', zh: '罚款', en: 'Fine' },
  { code: 'confiscation', zh: '没收违法所得、没收非法财物', en: 'Confiscation of illegal gains or property' },
  { code: 'licence_suspended', zh: '暂扣许可证件', en: 'Licence suspended' },
  { code: 'licence_revoked', zh: '吊销许可证件', en: 'Licence revoked' },
  { code: 'qualification_lowered', zh: '降低资质等级', en: 'Qualification lowered' },
  { code: 'production_stopped', zh: '责令停产停业', en: 'Ordered to stop production or business' },
  { code: 'closed', zh: '责令关闭', en: 'Ordered to close' },
  { code: 'restricted', zh: '限制开展生产经营活动', en: 'Business activities restricted' },
  { code: 'detention', zh: '行政拘留', en: 'Administrative detention' },
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number]['code'];
export const PENALTY_KIND_CODES = PENALTY_KINDS.map((c) => c.code) as PenaltyKind[];
/** Kinds that carry an amount (罚款, 没收). */
export const PENALTY_WITH_AMOUNT: string[] = ['fine', 'confiscation'];
