export interface CheckResult {
  code: string;
  property: 'authenticity' | 'integrity' | 'usability' | 'safety';
  zh: string;
  en: string;
  passed: boolean;
  detail: { zh: string; en: string } | null;
}
export interface Report {
  passed: boolean;
  checks: CheckResult[];
}
export interface PackageSummary {
  id: string;
  archiveCode: string;
  kind: string;
  title: string;
  reference: string | null;
  responsible: string;
  date: string;
  year: number;
  retention: string;
  orgCode: string;
  itemNo: number;
  pages: number;
  status: string;
  lastCheckPassed: boolean | null;
}
export interface Loan {
  id: string;
  packageId: string;
  requester: string;
  reason: string;
  days: number;
  state: string;
  note: string | null;
  expiresAt: string | null;
  createdAt: string;
  archiveCode?: string;
  title?: string;
}
export interface PackageDetail extends PackageSummary {
  stamp: { fondsCode: string; year: number; itemNo: number; orgCode: string; retention: string; retentionZh: string; retentionEn: string; pages: number };
  manifestSm3: string;
  files: { path: string; role: string; size: number; sm3: string }[];
  checks: { id: string; stage: string; passed: boolean; at: string; report: Report }[];
  accesses: { at: string; who: string; what: string }[];
  loans: Loan[];
  mayDownload: boolean;
}
export const when = (iso: string | null, en: boolean) => (iso ? new Date(iso).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
