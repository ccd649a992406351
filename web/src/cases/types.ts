export interface Code { code: string; zh: string; en: string }
export interface Suggestion { categoryCode: string; categoryName: string; categoryNameEn: string | null; departmentId: string | null; departmentName: string | null; level: string | null; confidence: number; basis: string[] }
export interface CaseSummary {
  id: string; number: string; channel: string; kind: string; urgency: string; title: string; state: string; open: boolean;
  categoryCode: string | null; categoryName: string | null; handlingDepartmentId: string | null; handlingDepartmentName: string | null;
  streetCode: string | null; gridCode: string | null; address: string | null; createdAt: string; responseDueAt: string | null; dueAt: string | null;
  overdue: boolean; supervisionLevel: number; extensionStatus: string | null; duplicates: number; version: number;
}
export interface CaseHistoryRow { action: string; fromState: string | null; toState: string; actorName: string; actorType: string; departmentName: string | null; opinion: string | null; payload: Record<string, unknown>; at: string }
export interface CaseAction { code: string; zh: string; en: string; requires: string[] }
export interface CaseDetail extends CaseSummary {
  /** The workflow version the case runs under, and its state's words in that version. */
  workflowVersion: number; stateLabel: { zh: string; en: string };
  content: string; callerName: string | null; callerPhone: string | null; confidential: boolean; lon: number | null; lat: number | null; streetName: string | null;
  photoIds: string[]; suggestions: Suggestion[]; tookFirst: boolean | null; helperDepartments: { id: string; name: string }[]; dispatcherDepartmentId: string | null;
  acceptedAt: string | null; repliedAt: string | null; closedAt: string | null; answer: string | null; reply: string | null; replyPhotoIds: string[];
  solved: boolean | null; satisfaction: number | null; reopenCount: number; returns: number; extensionDays: number | null; duplicateOf: string | null; repeatCaller: boolean;
  actions: CaseAction[]; history: CaseHistoryRow[];
}
export interface Category { code: string; parentCode: string | null; name: string; nameEn: string | null; leaf: boolean; active: boolean }
export interface Knowledge { id: string; title: string; body: string; categoryCode: string | null; keywords: string[]; active: boolean; uses: number }
