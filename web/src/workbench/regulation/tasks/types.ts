export type TaskKind = 'random' | 'commitment' | 'clue' | 'key';
export type ObjectionState = 'pending' | 'upheld' | 'corrected';

/** The fixed conclusion list (公示系统), in the order the form offers it; problem ones are marked. */
export const CONCLUSIONS = [
  { code: 'no_problem', problem: false },
  { code: 'no_activity', problem: false },
  { code: 'deregistered', problem: false },
  { code: 'corrected', problem: true },
  { code: 'follow_up', problem: true },
  { code: 'case_filed', problem: true },
  { code: 'unreachable', problem: true },
  { code: 'uncooperative', problem: true },
  { code: 'false_disclosure', problem: true },
] as const;
export type ConclusionCode = (typeof CONCLUSIONS)[number]['code'];
export const isProblem = (c: string | null) => CONCLUSIONS.some((x) => x.code === c && x.problem);

export const PENALTY_KINDS = [
  'warning',
  'notice',
  'fine',
  'confiscation',
  'licence_suspended',
  'licence_revoked',
  'qualification_lowered',
  'production_stopped',
  'closed',
  'restricted',
  'detention',
] as const;
export const WITH_AMOUNT: string[] = ['fine', 'confiscation'];

/** GET /api/regulation/tasks */
export interface TaskListItem {
  id: string;
  number: string;
  kind: TaskKind;
  state: 'open' | 'done';
  creditCode: string;
  objectName: string;
  dueOn: string;
  overdue: boolean;
  publishBy: string;
  conclusion: string | null;
  inspectedOn: string | null;
  planId: string | null;
}

export interface Objection {
  id: string;
  reason: string;
  filedAt: string;
  state: ObjectionState;
  answer: string | null;
  previousConclusion: string;
  correctedConclusion: string | null;
  answeredAt: string | null;
}

export interface Penalty {
  id: string;
  decidedOn: string;
  decisionNo: string;
  kind: string;
  amountYuan: number | null;
  departmentId: string;
}

/** GET /api/regulation/tasks/:id */
export interface TaskDetail extends TaskListItem {
  regionCode: string;
  recordBy: string | null;
  problem: boolean | null;
  recordedAt: string | null;
  publishedAt: string | null;
  correction: { previousConclusion: string; at: string } | null;
  version: number;
  object: { name: string; entityType: string | null; status: string | null; industries: string[] } | null;
  items: { id: string; code: string; name: string; level: string }[];
  departments: { id: string; name: string }[];
  inspectors: { id: string; name: string | null; me: boolean }[];
  source: { kind: string; ref: string | null; label: string | null } | null;
  photos: { id: string; name: string; mime: string; sizeBytes: number }[];
  findings: string | null;
  objection: Objection | null;
  penalties: Penalty[];
  canRecord: boolean;
}

export interface TaskFigures {
  inspectedObjects: number;
  tasks: { total: number; byKind: Record<TaskKind, number>; open: number; overdue: number };
  results: { recorded: number; problemsFound: number; filedForPenalty: number; publishedLate: number; unpublishedPastDeadline: number };
  penalties: { count: number; amountYuan: number };
  commitments: { onTime: number; late: number; open: number; overdue: number };
  months: { month: number; created: number; recorded: number }[];
}

/** The date a timestamp falls on in China. */
export const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
