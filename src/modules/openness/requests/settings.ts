import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

const days = (title: string, description: string, maximum = 60) => Type.Integer({ minimum: 1, maximum, title, description });

/** The clock of 依申请公开 (条例 Arts. 30–33) and the words every 告知书 ends with; a region may set them. */
export const RequestsSettingsSchema = Type.Object(
  {
    answerDays: days('答复期限（工作日）', 'Working days to answer after receipt (Art. 33: 20)'),
    correctionNoticeDays: days('补正告知期限（工作日）', 'Working days after receipt within which a 补正 notice may be sent (Art. 30: 7)'),
    correctionPeriodDays: days('补正期限（工作日）', 'Working days the applicant is given to correct; after that the request is closed'),
    consultationMaxDays: days('第三方征询最长（工作日）', 'Working days a third-party consultation may last, not counted (Art. 32: 15)'),
    extensionMaxDays: days('延期最长（工作日）', 'Working days one extension may add (Art. 33: 20)'),
    yellowDays: days('黄灯提示（剩余工作日）', 'A request turns yellow when this many working days or fewer are left', 20),
    supervisionDays: days('督办办理期限（工作日）', 'Working days the 督办 task gives the department', 20),
    remedy: Type.String({ minLength: 10, maxLength: 500, title: '救济途径', description: 'The remedy sentence every 告知书 ends with' }),
  },
  { additionalProperties: false },
);
export type RequestsSettings = Static<typeof RequestsSettingsSchema>;

export const REQUESTS_SETTINGS_KEY = 'openness.requests';
export const REQUESTS_SETTINGS_DEFAULT: RequestsSettings = {
  answerDays: 20,
  correctionNoticeDays: 7,
  correctionPeriodDays: 15,
  consultationMaxDays: 15,
  extensionMaxDays: 20,
  yellowDays: 5,
  supervisionDays: 5,
  remedy:
    '申请人对本答复不服的，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。',
};

export function declareRequestsSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === REQUESTS_SETTINGS_KEY)) return;
  settings.declare({
    key: REQUESTS_SETTINGS_KEY,
    zh: '依申请公开时限',
    en: 'Requests for information: time limits',
    schema: RequestsSettingsSchema,
    default: REQUESTS_SETTINGS_DEFAULT,
    permission: 'openness.manage',
  });
}

export const requestsSettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<RequestsSettings> =>
  settings.get<RequestsSettings>(REQUESTS_SETTINGS_KEY, regionCode, ex ? { ex } : {});
