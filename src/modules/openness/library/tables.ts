import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { DisclosureMode, DocumentKind, InterpretationForm, Validity } from '../vocabulary.ts';

/** A document of the 政策文件库 as it stands now (its earlier versions are in its history). */
export interface OpennessDocumentTable {
  id: string;
  region_code: string;
  index_no: string;
  title: string;
  title_en: string | null;
  kind: DocumentKind;
  theme_code: string;
  issuer_department_id: string | null;
  issuer_name: string;
  number: string | null;
  written_on: string;
  published_on: string;
  disclosure: DisclosureMode;
  summary: string | null;
  body: string;
  keywords: Generated<string[]>;
  attachments: Json<{ fileId: string; name: string }[]>;
  links: Json<{ label: string; url: string }[]>;
  validity: Validity;
  validity_note: string | null;
  replaced_by: string | null;
  interpretation_of: string | null;
  interpretation_form: InterpretationForm | null;
  state: 'published' | 'withdrawn';
  withdrawn_reason: string | null;
  /** How it came in: through review (publish) or the 存量文件导入. */
  origin: 'review' | 'import';
  review_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Every publication, change, withdrawal, validity change, replacement and import of a document, never changed. */
export interface OpennessDocumentHistoryTable {
  id: string;
  document_id: string;
  region_code: string;
  action: 'published' | 'imported' | 'changed' | 'withdrawn' | 'validity' | 'replaced';
  actor_id: string;
  actor_name: string;
  at: Timestamp;
  reason: string | null;
  review_id: string | null;
  version: number;
  snapshot: Json<Record<string, unknown>>;
}

/** The editable 主题分类 code list (seeded from THEMES). */
export interface OpennessThemeTable {
  code: string;
  name: string;
  name_en: string;
  position: number;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

/** The last 索引号 sequence number given per prefix (issuer code) and year. */
export interface OpennessIndexCounterTable {
  prefix: string;
  year: number;
  last: number;
}

/** Tables of the library area (kept equal to its migrations by src/modules/tables.test.ts). */
export interface LibraryTables {
  openness_document: OpennessDocumentTable;
  openness_document_history: OpennessDocumentHistoryTable;
  openness_theme: OpennessThemeTable;
  openness_index_counter: OpennessIndexCounterTable;
}

export const libraryDb = (ex: Executor) => tablesOf<LibraryTables>(ex);
