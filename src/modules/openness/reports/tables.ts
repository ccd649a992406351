import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { LibraryYearFigures, RequestYearFigures } from '../ports.ts';
import type { Check, EnteredFigures, ReportTable } from './template.ts';

export type ReportState = 'draft' | 'published' | 'superseded';
export type ReportAction = 'generated' | 'regenerated' | 'edited' | 'published' | 'corrected' | 'superseded';

/** The figures the ports gave when the report was (re)generated: the snapshot its tables come from. */
export interface ReportFigures {
  library: LibraryYearFigures;
  requests: RequestYearFigures;
}

/** 一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项. */
export interface ReportTexts {
  overview: string;
  problems: string;
  other: string;
}

/** One edition of a region's 政府信息公开工作年度报告 for a year. */
export interface OpennessReportTable {
  id: string;
  region_code: string;
  year: number;
  edition: number;
  state: ReportState;
  figures: Json<ReportFigures>;
  computed_at: Timestamp;
  entered: Json<EnteredFigures>;
  texts: Json<ReportTexts>;
  /** The tables as built at the last save: a published edition's never change again. */
  tables: Json<ReportTable[]>;
  checks: Json<Check[]>;
  /** Why figures that break the template's identities were published all the same. */
  explanation: string | null;
  corrects: string | null;
  correction_reason: string | null;
  generated_by: string;
  generated_by_name: string;
  published_by: string | null;
  published_by_name: string | null;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Who did what to a report, when and why (append-only). */
export interface OpennessReportActionTable {
  id: string;
  report_id: string;
  region_code: string;
  action: ReportAction;
  actor_id: string;
  actor_name: string;
  note: string | null;
  at: Timestamp;
}

/** Tables of the reports area (kept equal to its migrations by src/modules/tables.test.ts). */
export interface ReportsTables {
  openness_report: OpennessReportTable;
  openness_report_history: OpennessReportActionTable;
}

export const reportsDb = (ex: Executor) => tablesOf<ReportsTables>(ex);
