/** The shapes of /api/openness/drafts and /api/openness/lexicon (until the generated client types them). */
export interface DraftSummary {
  id: string;
  purpose: 'publish' | 'change' | 'withdraw';
  state: string;
  stateZh: string;
  stateEn: string;
  title: string;
  kind: string;
  department: { id: string; name: string };
  drafter: { id: string; name: string };
  checkState: 'unchecked' | 'clear' | 'review' | 'blocked';
  openFindings: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface Page<T> {
  items: T[];
  next: string | null;
}
export interface Finding {
  id: string;
  kind: string;
  kindZh: string;
  kindEn: string;
  field: 'title' | 'summary' | 'body' | 'keywords' | 'links';
  item: number;
  paragraph: number;
  offset: number;
  start: number;
  length: number;
  excerpt: string;
  term: string | null;
  waivable: boolean;
  state: 'open' | 'waived';
  waivedBy: string | null;
  waiveReason: string | null;
}
export interface DocumentFields {
  title: string;
  kind: string;
  themeCode: string;
  issuerName: string | null;
  number: string | null;
  writtenOn: string;
  publishOn: string | null;
  disclosure: 'proactive' | 'on_request';
  summary: string | null;
  body: string;
  keywords: string[];
  attachments: { fileId: string; name: string }[];
  interpretationOf: string | null;
  interpretationForm: string | null;
  links: { label: string; url: string }[];
}
export interface DraftView extends DraftSummary {
  targetId: string | null;
  reason: string | null;
  document: DocumentFields | null;
  interpretationOfDraft: { id: string; title: string; state: string } | null;
  interpretations: { id: string; title: string; state: string }[];
  findings: Finding[];
  steps: { action: string; zh: string; en: string; actor: string; opinion: string | null; outcome: string | null; basis: string | null; at: string }[];
  reviewer: { name: string; basis: string | null; at: string } | null;
  approver: { name: string; at: string } | null;
  published: { id: string; indexNo: string | null } | null;
  availableActions: { code: 'submit' | 'secrecy' | 'approve' | 'discard'; zh: string; en: string; requires: string[]; outcomes: string[] }[];
  editable: boolean;
}
export interface Term {
  id: string;
  term: string;
  category: string;
  note: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
}
export interface TermChange {
  id: string;
  action: string;
  term: string;
  category: string;
  by: string;
  at: string;
}
