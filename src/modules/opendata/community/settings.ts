import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

/** How long the bureau has to answer a 数据需求 (a region may set it). */
export const CommunitySettingsSchema = Type.Object(
  {
    demandAnswerWorkingDays: Type.Integer({ minimum: 1, maximum: 60, title: '数据需求答复时限（工作日）', description: 'Working days within which the data bureau answers a data demand' }),
  },
  { additionalProperties: false },
);
export type CommunitySettings = Static<typeof CommunitySettingsSchema>;

export const COMMUNITY_SETTINGS_KEY = 'opendata.community';
export const COMMUNITY_SETTINGS_DEFAULT: CommunitySettings = { demandAnswerWorkingDays: 10 };

export function declareCommunitySettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === COMMUNITY_SETTINGS_KEY)) return;
  settings.declare({
    key: COMMUNITY_SETTINGS_KEY,
    zh: '数据需求答复时限',
    en: 'Data demands: answer time limit',
    schema: CommunitySettingsSchema,
    default: COMMUNITY_SETTINGS_DEFAULT,
    permission: 'opendata.manage',
  });
}

export const communitySettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<CommunitySettings> =>
  settings.get<CommunitySettings>(COMMUNITY_SETTINGS_KEY, regionCode, ex ? { ex } : {});
