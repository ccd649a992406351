import { Type, type Static, type TProperties } from '@sinclair/typebox';
import type { Executor } from '../../kernel/db/index.ts';
import type { Settings } from '../../kernel/settings/index.ts';

/**
 * The 12345 rules a region may set for itself (national defaults here, in code): default time
 * limits per urgency (a category's own limits still win), 回访, 延期, reminders and escalation,
 * duplicate and flood thresholds, repeat callers. Every number is a positive integer with a bound,
 * so a limit of 0 or a fraction is refused on save, naming the field.
 */
const Hours = (max: number, zh: string, en: string) => Type.Integer({ minimum: 1, maximum: max, title: zh, description: en });
const Count = (min: number, max: number, zh: string, en: string) => Type.Integer({ minimum: min, maximum: max, title: zh, description: en });
const Limit = (zh: string, en: string) =>
  Type.Object(
    { responseHours: Hours(720, '签收时限（工作小时）', 'Sign-off limit (working hours)'), completeDays: Hours(365, '办结时限（工作日）', 'Completion limit (working days)') },
    { additionalProperties: false, title: zh, description: en },
  );
const Group = <P extends TProperties>(zh: string, en: string, props: P) => Type.Object(props, { additionalProperties: false, title: zh, description: en });

export const CaseSettingsSchema = Type.Object(
  {
    limits: Group('默认时限', 'Default time limits', { urgent: Limit('紧急', 'Urgent'), ordinary: Limit('一般', 'Ordinary'), consult: Limit('咨询类', 'Enquiry') }),
    visitBack: Group('回访', 'Visit back', {
      unsatisfiedAtMost: Count(1, 4, '不满意上限（满意度≤此值可重办）', 'Satisfaction at or below this (of 5) allows reopening'),
      reopensAllowed: Count(0, 5, '可重办次数', 'How many times a case may be reopened'),
    }),
    extension: Group('延期', 'Extensions', {
      maxDaysPerRequest: Count(1, 60, '每次最多延期工作日', 'Most working days one extension may add'),
      maxRequests: Count(0, 10, '最多申请次数', 'How many extensions a case may ask for'),
    }),
    deadlines: Group('催办与升级', 'Reminders and escalation', {
      remindBeforeHours: Hours(720, '到期前催办（小时）', 'Remind this many hours before the limit'),
      escalateAfterHours: Hours(720, '超期后升级（小时）', 'Escalate to leaders this many hours after the limit'),
    }),
    intake: Group('重复件与防刷', 'Duplicates and floods', {
      duplicateMetres: Count(1, 5000, '疑似重复距离（米）', 'Possible duplicate within this many metres'),
      duplicateHours: Hours(720, '疑似重复时间窗（小时）', 'Possible duplicate within this many hours'),
      callerHourlyLimit: Count(1, 1000, '同一来电每小时上限', 'Reports one caller may make per hour'),
      reporterMinuteLimit: Count(1, 100000, '接入系统每分钟上限', 'Reports one connected system may make per minute'),
    }),
    repeatCaller: Group('重复来电', 'Repeat callers', {
      days: Count(1, 365, '统计天数', 'Window in days'),
      calls: Count(2, 100, '来电次数阈值', 'Calls in the window that flag a repeat caller'),
    }),
  },
  { additionalProperties: false },
);
export type CaseSettings = Static<typeof CaseSettingsSchema>;

/** The national defaults: the values the code held as constants before they became settings. */
export const CASE_SETTINGS_DEFAULT: CaseSettings = {
  limits: { urgent: { responseHours: 1, completeDays: 1 }, ordinary: { responseHours: 4, completeDays: 5 }, consult: { responseHours: 4, completeDays: 2 } },
  visitBack: { unsatisfiedAtMost: 2, reopensAllowed: 1 },
  extension: { maxDaysPerRequest: 60, maxRequests: 3 },
  deadlines: { remindBeforeHours: 24, escalateAfterHours: 48 },
  intake: { duplicateMetres: 150, duplicateHours: 72, callerHourlyLimit: 10, reporterMinuteLimit: 120 },
  repeatCaller: { days: 30, calls: 3 },
};

export const CASE_SETTINGS_KEY = 'cases.rules';

/** Declares the key once per kernel (the cases module calls it when it is made). */
export function declareCaseSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === CASE_SETTINGS_KEY)) return;
  settings.declare({ key: CASE_SETTINGS_KEY, zh: '12345工单规则', en: '12345 case rules', schema: CaseSettingsSchema, default: CASE_SETTINGS_DEFAULT, permission: 'cases.manage' });
}

/**
 * The rules in force for a region. `asOf` pins them to a case's start (its `created_at`), so a
 * running case keeps the rules it was made under; new cases read the latest.
 */
export function caseSettings(settings: Settings, regionCode: string, opts: { asOf?: Date; ex?: Executor } = {}): Promise<CaseSettings> {
  return settings.get<CaseSettings>(CASE_SETTINGS_KEY, regionCode, opts);
}
