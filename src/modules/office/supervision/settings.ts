import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

/** The 督办 rules a region may set for itself: when a task turns yellow. */
export const SupervisionSettingsSchema = Type.Object(
  {
    yellowDays: Type.Integer({ minimum: 1, maximum: 30, title: '临期黄灯（剩余工作日）', description: 'Yellow when this many working days or fewer are left' }),
  },
  { additionalProperties: false },
);
export type SupervisionSettings = Static<typeof SupervisionSettingsSchema>;

export const SUPERVISION_SETTINGS_KEY = 'office.supervision';
export const SUPERVISION_SETTINGS_DEFAULT: SupervisionSettings = { yellowDays: 3 };

/** Declares the key once per kernel (the area calls it when it is made). */
export function declareSupervisionSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === SUPERVISION_SETTINGS_KEY)) return;
  settings.declare({
    key: SUPERVISION_SETTINGS_KEY,
    zh: '督查督办规则',
    en: 'Supervision task rules',
    schema: SupervisionSettingsSchema,
    default: SUPERVISION_SETTINGS_DEFAULT,
    permission: 'office.manage',
  });
}

export const supervisionSettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<SupervisionSettings> =>
  settings.get<SupervisionSettings>(SUPERVISION_SETTINGS_KEY, regionCode, ex ? { ex } : {});
