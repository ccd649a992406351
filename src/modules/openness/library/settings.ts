import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';

export const LIBRARY_SETTINGS_KEY = 'openness.library';

export const LibrarySettingsSchema = Type.Object(
  {
    /**
     * 索引号 scheme: `{org}` the issuer's code, `{year}` the year of 发布日期, `{seq}` the sequence of that
     * issuer and year (padded to `seqDigits`), `{region}` the region code, `{dept}` the department's code.
     */
    indexScheme: Type.String({ minLength: 5, maxLength: 100, pattern: '\\{seq\\}' }),
    seqDigits: Type.Integer({ minimum: 3, maximum: 8 }),
    /**
     * 统一社会信用代码 per department code (BGS → 11152201…). The org module keeps no credit code, so a
     * department without one here is `{region}{dept}` (152201BGS); an issuer outside the region is the region code.
     */
    creditCodes: Type.Record(Type.String({ pattern: '^[A-Z0-9_-]{1,20}$' }), Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' })),
    /** Entries in the RSS/Atom feeds. */
    feedSize: Type.Integer({ minimum: 1, maximum: 200 }),
  },
  { additionalProperties: false },
);
export type LibrarySettings = Static<typeof LibrarySettingsSchema>;
export const LIBRARY_SETTINGS_DEFAULT: LibrarySettings = { indexScheme: '{org}/{year}-{seq}', seqDigits: 5, creditCodes: {}, feedSize: 50 };

export function declareLibrarySettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === LIBRARY_SETTINGS_KEY)) return;
  settings.declare({
    key: LIBRARY_SETTINGS_KEY,
    zh: '政策文件库：索引号编制规则与订阅条数',
    en: 'Policy library: index-number scheme and feed size',
    schema: LibrarySettingsSchema,
    default: LIBRARY_SETTINGS_DEFAULT,
    permission: 'openness.manage',
  });
}

export const librarySettings = (settings: Settings, regionCode: string, ex?: Executor): Promise<LibrarySettings> => settings.get<LibrarySettings>(LIBRARY_SETTINGS_KEY, regionCode, { ex });
