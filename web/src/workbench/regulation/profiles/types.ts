/** What /api/regulation/profiles and /api/regulation/figures answer (see the server's profiles/schema.ts). */
export interface SearchHit {
  creditCode: string;
  name: string;
  entityType: string | null;
  regionCode: string;
  status: string | null;
}

export interface Section<T> {
  available: boolean;
  items: T[];
}

export type CreditClass = 'A' | 'B' | 'C' | 'D';
export interface ClassOf {
  class: CreditClass;
  score: number;
  reasons: { indicator: string; zh: string; en: string; points: number }[];
  computedAt: string;
}

export interface ComplaintRow {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  summary: string;
  receivedAt: string;
  matchedBy: 'credit-code' | 'name' | 'manual';
  linkedByName: string;
  linkedAt: string;
  clueTaskId: string | null;
  clueAt: string | null;
}

export interface Profile {
  creditCode: string;
  entity: {
    available: boolean;
    name: string;
    entityType: string | null;
    regionCode: string;
    establishedOn: string | null;
    registeredCapital: number | null;
    status: string | null;
    address: string | null;
    legalRepName: string | null;
    blackListed: boolean | null;
    industries: string[];
    source: string | null;
  };
  licences: Section<{ id: string; typeName: string; number: string; state: string; issuedAt: string; expiresAt: string | null; issuerName: string }>;
  complaints: Section<ComplaintRow>;
  inspections: Section<{ id: string; kind: string; state: string; conclusion: string | null; inspectedOn: string | null; publishedAt: string | null }>;
  penalties: Section<{ id: string; decidedOn: string; decisionNo: string; kind: string; amountYuan: number | null; departmentId: string }>;
  commitments: Section<{ applicationNumber: string | null; serviceItemName: string | null; taskId: string | null; state: string | null; dueOn: string | null; problem: string | null }>;
  approvals: Section<{
    applicationId: string;
    applicationNumber: string;
    serviceItemCode: string;
    serviceItemName: string;
    commitment: boolean;
    taskIds: string[];
    dueOn: string | null;
    problem: string | null;
    approvedAt: string;
  }>;
  credit: { available: boolean; current: ClassOf | null; history: ClassOf[] };
}

export interface Figures {
  year: number;
  regionCode: string;
  unavailable: string[];
  coverage: { objects: number; inspected: number; rate: number | null; byClass: { class: CreditClass; objects: number; inspected: number | null; rate: number | null }[] };
  problemsFound: { numerator: number; denominator: number; rate: number | null };
  filedForPenalty: number;
  tasks: { total: number; open: number; overdue: number; byKind: Record<string, number> };
  results: { recorded: number; publishedLate: number; unpublishedPastDeadline: number };
  penalties: { count: number; amountYuan: number };
  commitments: { approvals: number; underCommitment: number; withoutTask: number; onTime: number; late: number; open: number; overdue: number; onTimeRate: number | null };
  complaints: { linked: number; entities: number; clues: number; clueRate: number | null; byMatch: Record<'credit-code' | 'name' | 'manual', number> };
  months: { month: number; created: number; recorded: number }[];
}

/** A rate as a percentage for people, or a dash when there is nothing to divide by. */
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
