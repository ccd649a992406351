/** The sandbox's answers as the pages read them (see src/modules/opendata/sandbox/schema.ts). */
export const FNS = ['count', 'sum', 'avg'] as const;
export const OPS = ['eq', 'in', 'prefix', 'gte', 'lte'] as const;

export interface Measure {
  fn: (typeof FNS)[number];
  item?: string;
}
export interface Condition {
  item: string;
  op: (typeof OPS)[number];
  value: unknown;
}

export interface ReleasedGroup {
  key: Record<string, string | number | boolean | null>;
  count: number | null;
  values: (number | null)[] | null;
  suppressed: boolean;
  reason: 'small' | 'difference' | 'complement' | null;
}

export interface QueryResult {
  id: string;
  datasetId: string;
  k: number;
  groupBy: string[];
  measures: Measure[];
  groups: ReleasedGroup[];
  suppressedGroups: number;
  keysWithheld: boolean;
  budget: { limit: number; used: number };
}

export interface AccessList {
  datasets: {
    datasetId: string;
    name: string;
    title: string;
    titleEn: string;
    applicationId: string;
    rowRegion: string | null;
    until: string;
    items: { code: string; name: string; dataType: string; numeric: boolean }[];
  }[];
  k: number;
  budget: { limit: number; used: number };
}

export interface LogEntry {
  id: string;
  at: string;
  datasetId: string;
  datasetName: string;
  accountId: string;
  accountName: string;
  applicationId: string | null;
  query: { groupBy: string[]; measures: Measure[]; where: Condition[] };
  status: 'running' | 'answered' | 'refused';
  refusalCode: string | null;
  k: number;
  groupsReturned: number;
  groupsSuppressed: number;
  result: { groups: ReleasedGroup[]; suppressedGroups: number; keysWithheld: boolean } | null;
}

export interface LogPage {
  items: LogEntry[];
  next: string | null;
  perDay: { day: string; answered: number; refused: number }[];
}

/** A query in one line: 「按 street, sex · 计数, 平均(cost) · age_band 属于 60-69、70-79」. */
export function queryText(q: LogEntry['query'], t: (k: string) => string): string {
  const parts = [
    q.groupBy.length ? q.groupBy.join(', ') : '—',
    q.measures.length ? q.measures.map((m) => (m.item ? `${t(`odsbx.fns.${m.fn}`)}(${m.item})` : t(`odsbx.fns.${m.fn}`))).join(', ') : t('odsbx.noMeasures'),
    ...q.where.map((w) => `${w.item} ${t(`odsbx.ops.${w.op}`)} ${Array.isArray(w.value) ? w.value.join('、') : String(w.value)}`),
  ];
  return parts.join(' · ');
}
