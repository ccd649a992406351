import type { PolicyDefinition } from '../src/modules/proactive/index.ts';

/**
 * The demo region's 主动服务 policies. Amounts, rates and thresholds here are CONFIGURATION: the
 * figures below follow the published national or autonomous-region rules where we found them and
 * are marked [U] (unverified for 乌兰浩特市) in /work/shared/standards/NOTES.md §4.4; an official
 * edits them in the policy editor (a new version), never in code.
 */
const LOCAL = { '==': [{ var: 'regionCode' }, '152201'] };
const ALIVE = { '==': [{ var: 'alive' }, true] };
const person = (o: Record<string, string | number | boolean | null>) => ({ regionCode: '152201', alive: true, ...o });
const company = (o: Record<string, string | number | boolean | null>) => ({
  status: '存续',
  blackListed: false,
  unemploymentMonthsPaid: 24,
  insuredStaff: 50,
  layoffRatePct: 2,
  isSme: true,
  enterpriseSize: '小型',
  lastYearContributionFen: 1_000_000,
  ...o,
});

export const PROACTIVE_CODES = { elderly: 'MZJ-GLJT', disabled: 'CLH-KNCJ', jobs: 'RSJ-WGFH', care: 'CLH-ZDHL', hiring: 'RSJ-XWXN' } as const;

/** Policy definitions by department code (MZJ, CLH, RSJ); item codes name the 事项 of application-mode policies. */
export function demoPolicies(dept: (code: string) => string): PolicyDefinition[] {
  return [
    {
      code: PROACTIVE_CODES.elderly,
      name: '高龄津贴',
      nameEn: 'Allowance for the very old',
      mode: 'automatic',
      subject: 'person',
      departmentId: dept('MZJ'),
      rule: { and: [LOCAL, { '>=': [{ var: 'age' }, 80] }, ALIVE] },
      // [U] 内蒙古 tiers: 80–89 / 90–99 / 100+ 岁; monthly amounts are configuration.
      amount: {
        tiers: [
          { when: { '<=': [80, { var: 'age' }, 89] }, fen: 3000, label: '80–89 岁' },
          { when: { '<=': [90, { var: 'age' }, 99] }, fen: 6000, label: '90–99 岁' },
          { when: { '>=': [{ var: 'age' }, 100] }, fen: 30000, label: '100 岁及以上' },
        ],
      },
      period: 'monthly',
      tests: [
        { name: '85 岁本地户籍', facts: person({ age: 85 }), eligible: true, amountFen: 3000 },
        { name: '92 岁本地户籍', facts: person({ age: 92 }), eligible: true, amountFen: 6000 },
        { name: '101 岁本地户籍', facts: person({ age: 101 }), eligible: true, amountFen: 30000 },
        { name: '79 岁', facts: person({ age: 79 }), eligible: false },
        { name: '外地户籍 85 岁', facts: person({ age: 85, regionCode: '150102' }), eligible: false },
        { name: '已死亡', facts: person({ age: 88, alive: false }), eligible: false },
      ],
      payoutZh: '按月发放至本人社会保障卡或确认的银行账户，无需申请',
      payoutEn: 'Paid monthly into the social security card or the confirmed bank account; no application needed',
      timeLimitDays: 15,
      itemCode: null,
      dependsOn: [],
      basisZh: '《内蒙古自治区高龄津贴发放办法》',
    },
    {
      code: PROACTIVE_CODES.disabled,
      name: '困难残疾人生活补贴',
      nameEn: 'Living allowance for disabled people in hardship',
      mode: 'automatic',
      subject: 'person',
      departmentId: dept('CLH'),
      rule: { and: [LOCAL, ALIVE, { '!=': [{ var: 'disabilityGrade' }, null] }, { in: [{ var: 'assistanceKind' }, ['低保', '特困']] }] },
      // [U] the monthly standard is set by the league/region; configuration.
      amount: { tiers: [{ fen: 8000, label: '每人每月' }] },
      period: 'monthly',
      tests: [
        { name: '低保家庭二级残疾', facts: person({ disabilityGrade: 2, assistanceKind: '低保' }), eligible: true, amountFen: 8000 },
        { name: '特困四级残疾', facts: person({ disabilityGrade: 4, assistanceKind: '特困' }), eligible: true, amountFen: 8000 },
        { name: '残疾但不在保', facts: person({ disabilityGrade: 2, assistanceKind: null }), eligible: false },
        { name: '低保但无残疾', facts: person({ disabilityGrade: null, assistanceKind: '低保' }), eligible: false },
      ],
      payoutZh: '按月发放至确认的银行账户，无需申请',
      payoutEn: 'Paid monthly into the confirmed bank account; no application needed',
      timeLimitDays: 20,
      itemCode: null,
      dependsOn: [],
      basisZh: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    },
    {
      code: PROACTIVE_CODES.jobs,
      name: '失业保险稳岗返还',
      nameEn: 'Job-retention refund of unemployment insurance',
      mode: 'automatic',
      subject: 'entity',
      departmentId: dept('RSJ'),
      // [U] 12 months paid; 裁员率 ≤ 5.5 %, or ≤ 20 % for employers of 30 or fewer insured staff.
      rule: {
        and: [
          { '==': [{ var: 'status' }, '存续'] },
          { '==': [{ var: 'blackListed' }, false] },
          { '>=': [{ var: 'unemploymentMonthsPaid' }, 12] },
          { or: [{ '<=': [{ var: 'layoffRatePct' }, 5.5] }, { and: [{ '<=': [{ var: 'insuredStaff' }, 30] }, { '<=': [{ var: 'layoffRatePct' }, 20] }] }] },
        ],
      },
      // [U] 60 % of last year's contributions for SMEs, 30 % for large employers.
      amount: {
        tiers: [
          { when: { '==': [{ var: 'isSme' }, true] }, percentOf: { fact: 'lastYearContributionFen', percent: 60 }, label: '中小微企业' },
          { percentOf: { fact: 'lastYearContributionFen', percent: 30 }, label: '大型企业' },
        ],
      },
      period: 'once',
      tests: [
        { name: '小微企业裁员率 2%', facts: company({}), eligible: true, amountFen: 600_000 },
        { name: '大型企业裁员率 5%', facts: company({ isSme: false, enterpriseSize: '大型', insuredStaff: 800, layoffRatePct: 5 }), eligible: true, amountFen: 300_000 },
        { name: '25 人企业裁员率 15%', facts: company({ insuredStaff: 25, layoffRatePct: 15 }), eligible: true, amountFen: 600_000 },
        { name: '50 人企业裁员率 15%', facts: company({ layoffRatePct: 15 }), eligible: false },
        { name: '参保不足 12 个月', facts: company({ unemploymentMonthsPaid: 8 }), eligible: false },
        { name: '列入严重失信名单', facts: company({ blackListed: true }), eligible: false },
      ],
      payoutZh: '返还至企业基本账户，无需申请',
      payoutEn: 'Refunded into the company’s basic account; no application needed',
      timeLimitDays: 30,
      itemCode: null,
      dependsOn: [],
      basisZh: '《关于做好失业保险稳岗位提技能防失业工作的通知》（人社部发〔2022〕23号）',
    },
    {
      code: PROACTIVE_CODES.care,
      name: '重度残疾人护理补贴',
      nameEn: 'Care allowance for the severely disabled',
      mode: 'application',
      subject: 'person',
      departmentId: dept('CLH'),
      rule: { and: [LOCAL, ALIVE, { '<=': [{ var: 'disabilityGrade' }, 2] }] },
      amount: null,
      period: 'monthly',
      tests: [
        { name: '一级残疾', facts: person({ disabilityGrade: 1 }), eligible: true },
        { name: '二级残疾', facts: person({ disabilityGrade: 2 }), eligible: true },
        { name: '三级残疾', facts: person({ disabilityGrade: 3 }), eligible: false },
        { name: '无残疾记录', facts: person({ disabilityGrade: null }), eligible: false },
      ],
      payoutZh: '在线申请，审核通过后按月发放',
      payoutEn: 'Apply online; paid monthly once approved',
      timeLimitDays: 20,
      itemCode: 'JF-CLH-001',
      dependsOn: [],
      basisZh: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    },
    {
      code: PROACTIVE_CODES.hiring,
      name: '小微企业吸纳就业补贴',
      nameEn: 'Hiring subsidy for small and micro enterprises',
      mode: 'application',
      subject: 'entity',
      departmentId: dept('RSJ'),
      rule: {
        and: [{ '==': [{ var: 'status' }, '存续'] }, { in: [{ var: 'enterpriseSize' }, ['小型', '微型']] }, { '==': [{ var: 'blackListed' }, false] }, { '>=': [{ var: 'insuredStaff' }, 1] }],
      },
      amount: null,
      period: 'once',
      tests: [
        { name: '小型企业', facts: company({}), eligible: true },
        { name: '微型企业', facts: company({ enterpriseSize: '微型', insuredStaff: 3 }), eligible: true },
        { name: '中型企业', facts: company({ enterpriseSize: '中型' }), eligible: false },
        { name: '已注销', facts: company({ status: '注销' }), eligible: false },
      ],
      payoutZh: '在线申请，按新吸纳就业人数核发（一次性）',
      payoutEn: 'Apply online; paid once per newly hired person',
      timeLimitDays: 20,
      itemCode: 'JF-RSJ-101',
      dependsOn: [],
      basisZh: '《关于进一步加大就业服务力度的通知》',
    },
  ];
}
