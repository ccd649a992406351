/** What the credit routes answer (see src/modules/regulation/credit/schema.ts). */
export type CreditClass = 'A' | 'B' | 'C' | 'D';
export const CLASSES: CreditClass[] = ['A', 'B', 'C', 'D'];
/** A green → red scale that keeps its contrast on white (WCAG AA for text on the tags). */
export const CLASS_COLOURS: Record<CreditClass, string> = { A: '#237804', B: '#0b4fa8', C: '#ad6800', D: '#b3261e' };

export type Counts = Record<CreditClass, number>;

export interface Reason {
  indicator: string;
  zh: string;
  en: string;
  points: number;
}

export interface ClassOf {
  creditCode: string;
  class: CreditClass;
  score: number;
  reasons: Reason[];
  computedAt: string;
  cause: string;
}

export interface EntityCredit {
  creditCode: string;
  current: (ClassOf & { regionCode: string; entityType: string | null }) | null;
  history: (ClassOf & { previousClass: CreditClass | null; previousScore: number | null })[];
}

export interface Distribution {
  regionCode: string;
  total: Counts;
  groups: { key: string | null; counts: Counts }[];
}

export interface Run {
  id: string;
  regionCode: string;
  kind: 'manual' | 'monthly';
  month: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null };
  changed: number;
  counts: Counts | null;
  failure: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type Mode = 'flag' | 'below' | 'atLeast' | 'each';
export interface Indicator {
  key: string;
  fact: string;
  mode: Mode;
  threshold?: number;
  points: number;
  cap?: number;
  zh: string;
  en: string;
}
export interface CreditSettings {
  base: number;
  thresholds: { A: number; B: number; C: number };
  indicators: Indicator[];
}
export interface IndicatorsView {
  regionCode: string;
  value: CreditSettings;
  version: number | null;
  savedAt: string | null;
  facts: { name: string; kind: 'flag' | 'number' }[];
}
