import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { SettingProblem, Settings } from '../../../kernel/settings/index.ts';
import type { IndicatorFacts } from '../ports.ts';

/**
 * The facts an indicator may read, with their kind: a flag (true/false) or a number. Each is a key
 * of IndicatorFacts (ports.ts), so a region's configuration can only name facts some area supplies.
 */
export const FACTS: Record<keyof IndicatorFacts, 'flag' | 'number'> = {
  ageYears: 'number',
  registeredCapital: 'number',
  abnormalStatus: 'flag',
  blackListed: 'flag',
  penaltiesOnRecord: 'number',
  licencesValid: 'number',
  licencesRevoked: 'number',
  complaints12m: 'number',
  inspectionsPassed24m: 'number',
  inspectionsFailed24m: 'number',
  penalties24m: 'number',
  commitmentsBroken: 'number',
};
export type FactName = keyof IndicatorFacts;

/**
 * How an indicator turns a fact into points: `flag` when the fact is true; `below` / `atLeast`
 * when a number is under / at or over `threshold`; `each` points per unit, at most `cap` in all.
 */
export const IndicatorSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: '指标代码 / indicator key' }),
    fact: Type.String({ minLength: 1, maxLength: 40, description: '所依据的事实 / the fact it reads' }),
    mode: Type.Union([Type.Literal('flag'), Type.Literal('below'), Type.Literal('atLeast'), Type.Literal('each')]),
    threshold: Type.Optional(Type.Number({ minimum: -1e12, maximum: 1e12 })),
    points: Type.Integer({ minimum: -100, maximum: 100, description: '加减分 / points (negative lowers the score)' }),
    cap: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '累计上限（分）/ at most this many points in all' })),
    zh: Type.String({ minLength: 1, maxLength: 60 }),
    en: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type Indicator = Static<typeof IndicatorSchema>;

export const CreditSettingsSchema = Type.Object(
  {
    base: Type.Integer({ minimum: 0, maximum: 100, title: '基础分', description: 'Every entity starts from this score' }),
    thresholds: Type.Object(
      {
        A: Type.Integer({ minimum: 0, maximum: 100, description: 'A（信用风险低）最低分' }),
        B: Type.Integer({ minimum: 0, maximum: 100, description: 'B（一般）最低分' }),
        C: Type.Integer({ minimum: 0, maximum: 100, description: 'C（较高）最低分；低于此为 D（高）' }),
      },
      { additionalProperties: false },
    ),
    indicators: Type.Array(IndicatorSchema, { maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type CreditSettings = Static<typeof CreditSettingsSchema>;

export const CREDIT_SETTINGS_KEY = 'regulation.credit';

/** The national default: the indicators of issue 21, from a base of 100; A ≥ 90, B ≥ 75, C ≥ 60, else D. */
export const CREDIT_SETTINGS_DEFAULT: CreditSettings = {
  base: 100,
  thresholds: { A: 90, B: 75, C: 60 },
  indicators: [
    { key: 'new_entity', fact: 'ageYears', mode: 'below', threshold: 1, points: -5, zh: '成立不满1年', en: 'Established less than a year ago' },
    { key: 'abnormal', fact: 'abnormalStatus', mode: 'flag', points: -15, zh: '列入经营异常名录', en: 'On the list of abnormal operations' },
    { key: 'black_list', fact: 'blackListed', mode: 'flag', points: -40, zh: '列入严重违法失信名单', en: 'On the list of serious dishonesty' },
    { key: 'revoked_licence', fact: 'licencesRevoked', mode: 'each', points: -15, zh: '许可证被吊销', en: 'A licence was revoked' },
    { key: 'complaints', fact: 'complaints12m', mode: 'each', points: -3, cap: 15, zh: '12个月内12345投诉', en: '12345 complaints in 12 months' },
    { key: 'failed_inspection', fact: 'inspectionsFailed24m', mode: 'each', points: -10, zh: '24个月内检查发现问题', en: 'Problems found by inspections in 24 months' },
    { key: 'penalties', fact: 'penalties24m', mode: 'each', points: -15, cap: 45, zh: '24个月内行政处罚', en: 'Administrative penalties in 24 months' },
    { key: 'penalties_on_record', fact: 'penaltiesOnRecord', mode: 'each', points: -15, cap: 45, zh: '公共信用记录中的行政处罚', en: 'Administrative penalties on the public credit record' },
    { key: 'broken_commitment', fact: 'commitmentsBroken', mode: 'each', points: -20, zh: '告知承诺不实', en: 'A 告知承诺 commitment found untrue' },
    { key: 'passed_inspection', fact: 'inspectionsPassed24m', mode: 'each', points: 2, cap: 6, zh: '24个月内检查未发现问题', en: 'Inspections found no problem in 24 months' },
  ],
};

/** Rules the schema cannot say: known facts, a threshold where one is needed, unique keys, falling class bounds. */
export function checkCreditSettings(v: CreditSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const { A, B, C } = v.thresholds;
  if (!(A > B)) out.push({ path: '/thresholds/B', message: `B (${B}) must be below A (${A}) / B 类分数线须低于 A 类` });
  if (!(B > C)) out.push({ path: '/thresholds/C', message: `C (${C}) must be below B (${B}) / C 类分数线须低于 B 类` });
  const seen = new Set<string>();
  v.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    const kind = (FACTS as Record<string, 'flag' | 'number' | undefined>)[ind.fact];
    if (!kind) out.push({ path: `${at}/fact`, message: `unknown fact "${ind.fact}" / 未知的事实项，可用：${Object.keys(FACTS).join(', ')}` });
    else if (kind === 'flag' && ind.mode !== 'flag') out.push({ path: `${at}/mode`, message: `"${ind.fact}" is yes/no: use mode "flag" / 该事实项为是否型，须用 flag` });
    else if (kind === 'number' && ind.mode === 'flag') out.push({ path: `${at}/mode`, message: `"${ind.fact}" is a number: use below, atLeast or each / 该事实项为数值型` });
    if ((ind.mode === 'below' || ind.mode === 'atLeast') && ind.threshold === undefined) out.push({ path: `${at}/threshold`, message: 'a threshold is needed / 须填写阈值' });
    if (ind.points === 0) out.push({ path: `${at}/points`, message: 'points must not be 0 / 分值不能为 0' });
    if (seen.has(ind.key)) out.push({ path: `${at}/key`, message: `key "${ind.key}" used twice / 指标代码重复` });
    seen.add(ind.key);
  });
  return out;
}

/** Declares the key once per kernel (the area calls it when it is made). */
export function declareCreditSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === CREDIT_SETTINGS_KEY)) return;
  settings.declare({
    key: CREDIT_SETTINGS_KEY,
    zh: '信用风险分类指标',
    en: 'Credit-risk classification indicators',
    schema: CreditSettingsSchema,
    default: CREDIT_SETTINGS_DEFAULT,
    permission: 'regulation.manage',
    check: checkCreditSettings,
  });
}

export const creditSettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<CreditSettings> => settings.get<CreditSettings>(CREDIT_SETTINGS_KEY, regionCode, ex ? { ex } : {});
