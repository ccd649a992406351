import { Type, type Static } from '@sinclair/typebox';
import type { Settings } from '../../../kernel/settings/index.ts';

export const ACCESS_SETTINGS_KEY = 'opendata.access';

export const AccessSettingsSchema = Type.Object(
  {
    /** Calls each API key may make per minute (across every app node). */
    keyRatePerMinute: Type.Integer({ minimum: 1, maximum: 100_000 }),
    /** Live keys an account may hold at once. */
    maxKeysPerAccount: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type AccessSettings = Static<typeof AccessSettingsSchema>;
export const ACCESS_SETTINGS_DEFAULT: AccessSettings = { keyRatePerMinute: 60, maxKeysPerAccount: 10 };

export function declareAccessSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === ACCESS_SETTINGS_KEY)) return;
  settings.declare({
    key: ACCESS_SETTINGS_KEY,
    zh: '开放数据接口：密钥与调用频率',
    en: 'Open data API: keys and call rates',
    schema: AccessSettingsSchema,
    default: ACCESS_SETTINGS_DEFAULT,
    permission: 'opendata.manage',
  });
}

export const accessSettings = (settings: Settings, regionCode: string): Promise<AccessSettings> => settings.get<AccessSettings>(ACCESS_SETTINGS_KEY, regionCode);
