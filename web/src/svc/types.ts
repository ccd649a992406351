/** Shapes of the services API as the pages use them. */
export interface Label { zh: string; en: string }
export type { Page } from '../shell/usePages';

export interface Material { code: string; name: string; required: boolean; form: string; replaceableBy?: { kind: 'licence' | 'data'; ref: string } | null; accept?: string[] }
export interface ItemContent {
  name: string; nameEn?: string; itemType: string; departmentId: string; legalBasis: string; applicantTypes: ('person' | 'enterprise')[]; assuranceLevel: number;
  statutoryDays: number; promisedDays: number; handling: 'instant' | 'promised'; feeFen: number; visits: number; materials: Material[]; conditions: string;
  deliveryMethods: string[]; lifeEvents: string[]; enterpriseEvents: string[];
  form: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown>; prefill?: Record<string, string> };
  workflow: { initial: string; states: Record<string, Label & { kind?: string; limitDays?: number }>; actions: unknown[] };
}
export interface ItemSummary { id: string; code: string; regionCode: string; name: string; nameEn: string | null; itemType: string; departmentId: string; departmentName: string; applicantTypes: string[]; promisedDays: number; visits: number; handling: string; version: number; active: boolean }
export interface ItemDetail extends ItemSummary { versionId: string; content: ItemContent; updatedAt: string }

export type TimeStatus = 'ok' | 'warning' | 'overdue' | 'paused' | 'done';
export interface ApplicationView {
  id: string; number: string; itemId: string; itemName: string; itemVersion: number; departmentName: string; applicantName: string; enterpriseName: string | null;
  channel: 'online' | 'window'; state: string; stateName: Label; outcome: string | null; submittedAt: string; dueAt: string | null; stepDueAt: string | null;
  paused: boolean; timeStatus: TimeStatus; assigneeName: string | null; version: number; evaluated: boolean;
}
export interface HistoryRow { action: string; actionName: Label; fromState: string | null; toState: string; actorName: string; actorType: string; opinion: string | null; payload: Record<string, unknown>; at: string }
export interface ApplicationDetail extends ApplicationView {
  form: Record<string, unknown>; formTitles: Record<string, string>; materials: { code: string; name: string; fileId?: string; licenceId?: string; licence?: { id: string; identifier: string; licenceNo: string; name: string; issuerName: string; validUntil: string | null; status: string; statusLabel: string } }[]; supplementItems: string[]; resultFileId: string | null; delivery: string | null;
  history: HistoryRow[]; actions: (Label & { code: string; requires: string[] })[]; workingDaysUsed: number | null;
}
export interface Code { code: string | number; zh: string; en: string }
export interface Codes { itemTypes: Code[]; lifeEvents: Code[]; enterpriseEvents: Code[]; deliveryMethods: Code[]; evaluationLevels: Code[]; evaluationReasons: Code[] }
export interface Rectification { id: string; applicationId: string; applicationNumber: string; itemName: string; level: number; reasons: string[]; comment: string | null; state: 'open' | 'replied' | 'closed'; dueAt: string; reply: string | null; repliedAt: string | null; followUpSatisfied: boolean | null; followUpComment: string | null; overdue: boolean }
