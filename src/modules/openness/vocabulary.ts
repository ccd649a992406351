/**
 * The words of 政务公开 every area shares: document kinds, 有效性, 公开方式, the 主题分类 the library starts
 * with (an editable code list after the first start), applicant kinds and the answer types of
 * 《政府信息公开条例》 (国务院令第711号) Art. 36 as the 工作年度报告 counts them. Labels are zh-CN first.
 */

/** 文件类型: 规章 and 行政规范性文件 are counted apart in the 年度报告 (第二部分). */
export const DOCUMENT_KINDS = {
  regulation: { zh: '规章', en: 'Government rules' },
  normative: { zh: '行政规范性文件', en: 'Normative document' },
  policy: { zh: '其他政策文件', en: 'Other policy document' },
  plan: { zh: '规划计划', en: 'Plan' },
  notice: { zh: '通知公告', en: 'Notice' },
  report: { zh: '工作报告', en: 'Work report' },
  interpretation: { zh: '政策解读', en: 'Policy interpretation' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** 有效性. A document replaced by another is 废止 (repealed) or 已修订 (amended), linked to what replaced it. */
export const VALIDITIES = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
  amended: { zh: '已修订', en: 'Amended' },
} as const;
export type Validity = keyof typeof VALIDITIES;

/** 公开方式 (公开属性). */
export const DISCLOSURE_MODES = {
  proactive: { zh: '主动公开', en: 'Proactive disclosure' },
  on_request: { zh: '依申请公开', en: 'On request' },
} as const;
export type DisclosureMode = keyof typeof DISCLOSURE_MODES;

/** 解读 forms: text, a graphic (图解) or a video, each with optional links. */
export const INTERPRETATION_FORMS = {
  text: { zh: '文字解读', en: 'Text' },
  graphic: { zh: '图解', en: 'Graphic' },
  video: { zh: '视频解读', en: 'Video' },
} as const;
export type InterpretationForm = keyof typeof INTERPRETATION_FORMS;

/** 主题分类 the library is seeded with (gov.cn's list); editable afterwards. */
export const THEMES: readonly [code: string, zh: string, en: string][] = [
  ['01', '综合政务', 'General government affairs'],
  ['02', '国民经济管理、国有资产监管', 'Economic management and state assets'],
  ['03', '财政、金融、审计', 'Finance and audit'],
  ['04', '国土资源、能源', 'Land resources and energy'],
  ['05', '农业、林业、水利', 'Agriculture, forestry and water'],
  ['06', '工业、交通', 'Industry and transport'],
  ['07', '商贸、海关、旅游', 'Trade, customs and tourism'],
  ['08', '市场监管、安全生产监管', 'Market and work-safety regulation'],
  ['09', '城乡建设、环境保护', 'Urban and rural construction, environment'],
  ['10', '科技、教育', 'Science and education'],
  ['11', '文化、广电、新闻出版', 'Culture, broadcasting and publishing'],
  ['12', '卫生、体育', 'Health and sport'],
  ['13', '人口与计划生育、妇女儿童工作', 'Population, women and children'],
  ['14', '劳动、人事、监察', 'Labour, personnel and supervision'],
  ['15', '公安、安全、司法', 'Public security and justice'],
  ['16', '民政、乡村振兴、救灾', 'Civil affairs, rural revitalisation and relief'],
  ['17', '民族、宗教', 'Ethnic and religious affairs'],
  ['18', '对外事务', 'Foreign affairs'],
  ['19', '港澳台侨工作', 'Hong Kong, Macao, Taiwan and overseas Chinese'],
  ['20', '国防', 'National defence'],
  ['21', '其他', 'Other'],
];

/** 申请人: the 年度报告 counts 自然人 and five kinds of 法人或其他组织 apart. */
export const APPLICANT_KINDS = {
  person: { zh: '自然人', en: 'Natural person' },
  business: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  public_interest: { zh: '社会公益组织', en: 'Public-interest organisation' },
  legal_service: { zh: '法律服务机构', en: 'Legal service' },
  other: { zh: '其他', en: 'Other organisation' },
} as const;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

/**
 * 答复类型 (条例 Art. 36) with the reasons the 年度报告 (第三部分 三、本年度办理结果) counts them by. `needs`
 * says what an answer of that kind must carry: a reason text, the right body (非本机关), a link to where
 * it is already published, or the files given.
 */
export const ANSWER_TYPES = {
  disclosed: { zh: '予以公开', en: 'Disclosed', row: '(一)', needs: ['files_or_where'] as const, reasons: {} },
  partly: { zh: '部分公开', en: 'Partly disclosed', row: '(二)', needs: ['reason', 'files_or_where'] as const, reasons: {} },
  withheld: {
    zh: '不予公开',
    en: 'Withheld',
    row: '(三)',
    needs: ['reason'] as const,
    reasons: {
      state_secret: { zh: '属于国家秘密', en: 'A state secret' },
      law_forbids: { zh: '其他法律行政法规禁止公开', en: 'Other laws forbid disclosure' },
      three_safeties: { zh: '危及“三安全一稳定”', en: 'Endangers security or stability' },
      third_party: { zh: '保护第三方合法权益', en: "Protects a third party's lawful interests" },
      internal_affairs: { zh: '属于三类内部事务信息', en: 'Internal affairs' },
      process_info: { zh: '属于四类过程性信息', en: 'Process information' },
      enforcement_file: { zh: '属于行政执法案卷', en: 'Enforcement file' },
      inquiry: { zh: '属于行政查询事项', en: 'An administrative inquiry matter' },
    },
  },
  unavailable: {
    zh: '无法提供',
    en: 'Cannot be provided',
    row: '(四)',
    needs: ['reason'] as const,
    reasons: {
      not_held: { zh: '本机关不掌握相关政府信息', en: 'This body does not hold it' },
      needs_making: { zh: '没有现成信息需要另行制作', en: 'It would have to be newly made' },
      still_unclear: { zh: '补正后申请内容仍不明确', en: 'Still unclear after correction' },
    },
  },
  not_handled: {
    zh: '不予处理',
    en: 'Not handled',
    row: '(五)',
    needs: ['reason'] as const,
    reasons: {
      petition: { zh: '信访举报投诉类申请', en: 'A petition or complaint' },
      repeated: { zh: '重复申请', en: 'A repeated request' },
      publication: { zh: '要求提供公开出版物', en: 'Asks for a publication' },
      excessive: { zh: '无正当理由大量反复申请', en: 'Excessive requests without good reason' },
      confirm: { zh: '要求行政机关确认或重新出具已获取信息', en: 'Asks to confirm or re-issue information already obtained' },
    },
  },
  other: {
    zh: '其他处理',
    en: 'Other',
    row: '(六)',
    needs: ['reason'] as const,
    reasons: {
      no_correction: { zh: '申请人无正当理由逾期不补正、行政机关不再处理', en: 'Not corrected in time' },
      unpaid_fee: { zh: '申请人逾期未按收费通知要求缴纳费用', en: 'Fee not paid in time' },
      other: { zh: '其他', en: 'Other' },
    },
  },
} as const;
export type AnswerType = keyof typeof ANSWER_TYPES;
/** 非本机关负责 is answered as 无法提供/本机关不掌握 with the right body named, as the 年度报告 counts it. */
export const NOT_OURS_REASON = 'not_held';
