/** The answers of the 政策找人 staff routes (/api/openness/documents/:id/rule…, /api/openness/matching/rules). */
export interface Candidate {
  code: string;
  name: string;
  nameEn: string;
  mode: 'automatic' | 'application';
  subject: 'person' | 'entity';
  published: boolean;
  departmentName: string;
  attachable: boolean;
  problem: { code: string; zh: string; en: string } | null;
}

export interface HistoryLine {
  id: string;
  policyCode: string;
  policyName: string;
  subject: 'person' | 'entity';
  note: string | null;
  attachedBy: string;
  attachedAt: string;
  detachedBy: string | null;
  detachedAt: string | null;
  detachReason: string | null;
  lastRunAt: string | null;
  lastMatched: number | null;
  lastTold: number | null;
  runs: number;
}

interface Words {
  policyNameEn: string;
  conditionsZh: string[];
  conditionsEn: string[];
  matched: number;
  told: number;
  applied: number;
  applyLink: string | null;
  itemCode: string | null;
}

export interface RuleView {
  documentId: string;
  documentTitle: string;
  canEdit: boolean;
  rule: (HistoryLine & Words) | null;
  history: HistoryLine[];
}

export interface RuleLine extends HistoryLine, Words {
  documentId: string;
  documentTitle: string;
  documentNumber: string | null;
  documentState: string;
  canEdit: boolean;
}

export interface RulePage {
  items: RuleLine[];
  next: string | null;
}
