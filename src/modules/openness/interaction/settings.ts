import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

/** 政民互动 numbers a region may set. */
export const InteractionSettingsSchema = Type.Object(
  {
    questionsPerDay: Type.Integer({ minimum: 1, maximum: 100, title: '每个账号每天最多提问数', description: 'Questions one account may ask in 24 hours' }),
    answerWorkingDays: Type.Integer({ minimum: 1, maximum: 60, title: '答复时限（工作日）', description: 'Working days within which a department answers a question' }),
    officeDepartmentCode: Type.String({ minLength: 1, maxLength: 40, title: '政务公开办所在部门编码', description: 'Code of the department whose 政务公开办 answers the 咨询 column by default' }),
  },
  { additionalProperties: false },
);
export type InteractionSettings = Static<typeof InteractionSettingsSchema>;

export const INTERACTION_SETTINGS_KEY = 'openness.interaction';
export const INTERACTION_SETTINGS_DEFAULT: InteractionSettings = { questionsPerDay: 5, answerWorkingDays: 10, officeDepartmentCode: 'BGS' };

export function declareInteractionSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === INTERACTION_SETTINGS_KEY)) return;
  settings.declare({
    key: INTERACTION_SETTINGS_KEY,
    zh: '政民互动',
    en: 'Openness: questions and answers',
    schema: InteractionSettingsSchema,
    default: INTERACTION_SETTINGS_DEFAULT,
    permission: 'openness.manage',
  });
}

export const interactionSettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<InteractionSettings> =>
  settings.get<InteractionSettings>(INTERACTION_SETTINGS_KEY, regionCode, ex ? { ex } : {});
