import { Type, type Static } from '@sinclair/typebox';
import type { Settings } from '../../../kernel/settings/index.ts';

export const SANDBOX_SETTINGS_KEY = 'opendata.sandbox';

/** The disclosure control of a region's sandbox (saved through /api/settings, refused field by field). */
export const SandboxSettingsSchema = Type.Object(
  {
    k: Type.Integer({ minimum: 2, maximum: 1000, title: 'k 匿名阈值', description: 'A group with fewer rows is suppressed / 少于 k 条记录的分组不予显示' }),
    dailyBudget: Type.Integer({ minimum: 1, maximum: 10000, title: '每日查询次数上限', description: 'Queries one user may put in a day (China Standard Time)' }),
  },
  { additionalProperties: false },
);
export type SandboxSettings = Static<typeof SandboxSettingsSchema>;

export const SANDBOX_SETTINGS_DEFAULT: SandboxSettings = { k: 10, dailyBudget: 200 };

/** Declares the key once per kernel (the area calls it when it is made). */
export function declareSandboxSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === SANDBOX_SETTINGS_KEY)) return;
  settings.declare({
    key: SANDBOX_SETTINGS_KEY,
    zh: '数据沙箱披露控制（k 匿名阈值、每日查询上限）',
    en: 'Data sandbox disclosure control (k-anonymity threshold, daily query budget)',
    schema: SandboxSettingsSchema,
    default: SANDBOX_SETTINGS_DEFAULT,
    permission: 'opendata.manage',
  });
}

export const sandboxSettings = (settings: Settings, regionCode: string): Promise<SandboxSettings> => settings.get<SandboxSettings>(SANDBOX_SETTINGS_KEY, regionCode);
