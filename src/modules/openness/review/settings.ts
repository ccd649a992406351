import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

/** 发布审核 settings a region may set. */
export const ReviewSettingsSchema = Type.Object(
  {
    requireInterpretation: Type.Boolean({
      title: '规章、行政规范性文件须同步解读',
      description: 'A government rule or normative document is approved only with an interpretation draft ready to publish with it (谁起草谁解读, 同步发布)',
    }),
  },
  { additionalProperties: false },
);
export type ReviewSettings = Static<typeof ReviewSettingsSchema>;

export const REVIEW_SETTINGS_KEY = 'openness.review';
export const REVIEW_SETTINGS_DEFAULT: ReviewSettings = { requireInterpretation: true };

export function declareReviewSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === REVIEW_SETTINGS_KEY)) return;
  settings.declare({
    key: REVIEW_SETTINGS_KEY,
    zh: '政务公开发布审核',
    en: 'Openness: publication review',
    schema: ReviewSettingsSchema,
    default: REVIEW_SETTINGS_DEFAULT,
    permission: 'openness.manage',
  });
}

export const reviewSettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<ReviewSettings> => settings.get<ReviewSettings>(REVIEW_SETTINGS_KEY, regionCode, ex ? { ex } : {});
