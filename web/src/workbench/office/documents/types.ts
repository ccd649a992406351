/**
 * The 发文 API's answers as the pages read them (contract in the documents area; the generated
 * schema takes over once the routes land). Fields the pages do not need are left out.
 */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface DocumentSummary {
  id: string;
  state: string;
  stateZh?: string;
  stateEn?: string;
  title: string;
  docType: string;
  docNumber: string | null;
  urgency?: string | null;
  secrecy?: string | null;
  issuingDepartment?: Ref | null;
  drafter?: { id: string; name: string } | null;
  updatedAt?: string;
  createdAt?: string;
}

export interface AvailableAction {
  code: string;
  zh: string;
  en: string;
  requires: string[];
}

export interface DocumentView extends DocumentSummary {
  issuingDepartment: Ref;
  mainRecipients: Ref[];
  ccRecipients: Ref[];
  externalRecipients: string[];
  body: string;
  attachments: { name: string; fileId?: string | null }[];
  note: string | null;
  docWord?: string | null;
  secrecyPeriod?: string | null;
  countersignDepartmentIds?: string[];
  public?: boolean;
  /** Whether the caller may change the text now (until 签发). */
  editable?: boolean;
  textVersion: number;
  versions: { n: number; at: string; by: string; step: string }[];
  steps: { action: string; zh: string; en: string; actor: string; unit: string | null; opinion: string | null; outcome?: string | null; textVersion: number | null; at: string }[];
  countersigns: { departmentId: string; name: string; state: 'pending' | 'agreed' | 'disagreed'; opinion: string | null; actor: string | null; at: string | null }[];
  sealed: { identifier: string; fileId: string; sealName: string; sealedAt: string } | null;
  distribution: { departmentId: string | null; name: string; kind: 'main' | 'cc' | 'external'; at: string }[];
  availableActions: AvailableAction[];
  version: number;
}

export interface DiffChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  field: string;
}

export interface DocumentDiff {
  from: number;
  to: number;
  changes: DiffChange[];
}

/** What the 拟稿 form sends (POST, and PUT with expectedVersion). */
export interface DocumentInput {
  title: string;
  docType: string;
  docWord?: string;
  urgency: '特急' | '加急' | null;
  secrecy: '秘密' | '机密' | null;
  secrecyPeriod: string | null;
  mainRecipients: string[];
  ccRecipients: string[];
  externalRecipients: string[];
  body: string;
  attachments: { name: string }[];
  note: string | null;
  countersignDepartmentIds: string[];
  public: boolean;
}

export const STATE_COLOURS: Record<string, string> = {
  draft: 'default',
  reviewing: 'blue',
  countersigning: 'purple',
  signing: 'gold',
  signed: 'cyan',
  numbered: 'cyan',
  sealed: 'green',
  distributed: 'green',
};
