/** What the library's API answers (src/modules/openness/library/schema.ts). */
export type Kind = 'regulation' | 'normative' | 'policy' | 'plan' | 'notice' | 'report' | 'interpretation';
export type Validity = 'valid' | 'expired' | 'repealed' | 'amended';

export interface DocumentBrief {
  id: string;
  indexNo: string;
  title: string;
  titleEn: string | null;
  kind: Kind;
  themeCode: string;
  issuerName: string;
  number: string | null;
  writtenOn: string;
  publishedOn: string;
  validity: Validity;
  summary: string | null;
  excerpt: string;
  interpretationOf: string | null;
}

export interface Facet {
  value: string;
  label: string;
  labelEn: string;
  count: number;
}

export interface SearchAnswer {
  count: number;
  page: number;
  size: number;
  sort: 'relevance' | 'published';
  results: DocumentBrief[];
  facets: Record<'theme' | 'issuer' | 'year' | 'validity' | 'kind', Facet[]>;
}

interface Ref {
  id: string;
  title: string;
  number: string | null;
  publishedOn: string;
}

export interface LibraryDocument {
  id: string;
  indexNo: string;
  title: string;
  titleEn: string | null;
  kind: Kind;
  themeCode: string;
  themeName: string;
  themeNameEn: string;
  issuerDepartmentId: string | null;
  issuerName: string;
  number: string | null;
  writtenOn: string;
  publishedOn: string;
  disclosure: 'proactive' | 'on_request';
  summary: string | null;
  body: string;
  keywords: string[];
  attachments: { fileId: string; name: string; url: string }[];
  links: { label: string; url: string }[];
  validity: Validity;
  validityNote: string | null;
  replacedBy: string | null;
  replacedByDocument: Ref | null;
  replaces: (Ref & { validity: Validity })[];
  interpretationOf: string | null;
  original: Ref | null;
  interpretationForm: 'text' | 'graphic' | 'video' | null;
  interpretationList: { id: string; title: string; form: 'text' | 'graphic' | 'video'; publishedOn: string }[];
  state: 'published' | 'withdrawn';
  withdrawnReason: string | null;
  version: number;
  canEdit: boolean;
}

export interface Theme {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

export interface StaffDocument extends DocumentBrief {
  state: 'published' | 'withdrawn';
  version: number;
  origin: 'review' | 'import';
}

export interface HistoryItem {
  id: string;
  action: 'published' | 'imported' | 'changed' | 'withdrawn' | 'validity' | 'replaced';
  actorName: string;
  at: string;
  reason: string | null;
  version: number;
  title: string;
  validity: Validity;
  state: 'published' | 'withdrawn';
}

/** Validity tag colours that pass contrast checks (no gold/green/orange). */
export const VALIDITY_COLOR: Record<Validity, string> = { valid: 'blue', expired: 'default', repealed: 'red', amended: 'purple' };
