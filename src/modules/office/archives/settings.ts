import { Type, type Static } from '@sinclair/typebox';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Settings } from '../../../kernel/settings/index.ts';
import type { ArchivableRecord } from '../ports.ts';

export const ARCHIVE_SETTINGS_KEY = 'office.archives';

export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_LABEL: Record<Retention, { zh: string; en: string }> = {
  Y: { zh: '永久', en: 'Permanent' },
  D30: { zh: '定期30年', en: '30 years' },
  D10: { zh: '定期10年', en: '10 years' },
};

const Kind = Type.Union(['document', 'incoming', 'application', 'case', 'licence'].map((k) => Type.Literal(k)));
const Code = Type.String({ pattern: '^[A-Z0-9]{1,8}$' });

/**
 * What DA/T 22 leaves to each archive (the [U] items of NOTES §4.2 become configuration): the
 * 全宗号 of the region, the 门类 code per kind of record (WS 文书 for 公文 is the standard's; the
 * others are ours), and the retention table — the first row matching kind and (when given) the
 * record's docType wins, else the kind's default.
 */
export const ArchiveSettingsSchema = Type.Object(
  {
    fondsCode: Code,
    categories: Type.Object({ document: Code, incoming: Code, application: Code, case: Code, licence: Code }, { additionalProperties: false }),
    retention: Type.Array(
      Type.Object({ kind: Kind, docType: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })), retention: Type.Union(RETENTIONS.map((r) => Type.Literal(r))) }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
    defaultRetention: Type.Union(RETENTIONS.map((r) => Type.Literal(r))),
  },
  { additionalProperties: false },
);
export type ArchiveSettings = Static<typeof ArchiveSettingsSchema>;

export const ARCHIVE_SETTINGS_DEFAULT: ArchiveSettings = {
  fondsCode: 'Z001',
  // 办件 BJ, 工单 GD, 证照 ZZ: pinyin initials, in the manner of WS (文书).
  categories: { document: 'WS', incoming: 'WS', application: 'BJ', case: 'GD', licence: 'ZZ' },
  retention: [
    { kind: 'document', docType: '决定', retention: 'Y' },
    { kind: 'document', docType: '通知', retention: 'D30' },
    { kind: 'document', retention: 'Y' },
    { kind: 'incoming', retention: 'D30' },
    { kind: 'application', retention: 'D30' },
    { kind: 'case', retention: 'D10' },
    { kind: 'licence', retention: 'Y' },
  ],
  defaultRetention: 'D30',
};

export function declareArchiveSettings(settings: Settings): void {
  settings.declare({
    key: ARCHIVE_SETTINGS_KEY,
    zh: '电子档案规则（全宗号、门类、保管期限表）',
    en: 'E-archive rules (fonds, categories, retention table)',
    schema: ArchiveSettingsSchema,
    default: ARCHIVE_SETTINGS_DEFAULT,
    permission: 'office.manage',
  });
}

export const archiveSettings = (settings: Settings, regionCode: string, ex?: Executor) => settings.get<ArchiveSettings>(ARCHIVE_SETTINGS_KEY, regionCode, { ex });

export function retentionOf(s: ArchiveSettings, record: Pick<ArchivableRecord, 'kind' | 'metadata'>): Retention {
  const docType = typeof record.metadata.docType === 'string' ? record.metadata.docType : null;
  const row = s.retention.find((r) => r.kind === record.kind && (!r.docType || r.docType === docType));
  return row?.retention ?? s.defaultRetention;
}
