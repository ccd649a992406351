/** 年度报告 as the API answers it (src/modules/openness/reports/schema.ts). */
export interface Label {
  zh: string;
  en: string;
}
export interface Column {
  key: string;
  label: Label;
  group: Label | null;
}
export interface Row {
  key: string;
  no: string;
  label: Label;
  level: number;
  cells: number[] | null;
}
export interface ReportTable {
  key: string;
  caption: Label;
  rowHeader: Label;
  columns: Column[];
  rows: Row[];
  note: Label | null;
}
export interface Check {
  code: string;
  row: string;
  column: string;
  expected: number;
  actual: number;
  zh: string;
  en: string;
}
export type ReportState = 'draft' | 'published' | 'superseded';
export interface ReviewOutcomes {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
}
export interface EnteredFigures {
  active: { permits: number; penalties: number; enforcement: number; feesYuan: number };
  reconsideration: ReviewOutcomes;
  litigationDirect: ReviewOutcomes;
  litigationAfterReconsideration: ReviewOutcomes;
  processingFees: { notices: number; collectedYuan: number };
}
export interface Texts {
  overview: string;
  problems: string;
  other: string;
}
export interface ReportView {
  id: string;
  year: number;
  edition: number;
  state: ReportState;
  title: Label;
  computedAt: string;
  generatedBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  texts: Texts;
  entered: EnteredFigures;
  tables: ReportTable[];
  checks: Check[];
  explanation: string | null;
  correctionReason: string | null;
  editions: { edition: number; state: ReportState; publishedAt: string | null; correctionReason: string | null }[];
  actions?: { action: string; actorName: string; note: string | null; at: string }[];
  version: number;
}
export interface ReportSummary {
  year: number;
  edition: number;
  state: ReportState;
  title: Label;
  publishedAt: string | null;
  updatedAt: string;
  checks: number;
}
export interface ReportPage {
  items: ReportSummary[];
  next: string | null;
}
export interface Overview {
  year: number;
  asOf: string;
  received: number;
  carriedIn: number;
  answered: number;
  answeredOnTime: number | null;
  answeredLate: number | null;
  open: number | null;
  overdue: number | null;
  outcomes: { key: string; label: Label; count: number }[];
  published: number;
  report: { edition: number; state: ReportState; version: number } | null;
}

/** Tag colours that pass contrast (no gold/green/cyan…). */
export const STATE_COLOURS: Record<ReportState, string> = { draft: 'default', published: 'blue', superseded: 'purple' };
