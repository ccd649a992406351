/** The 名录库 API's shapes, as the pages read them. */
export interface ObjectView {
  id: string;
  creditCode: string;
  name: string;
  entityType: string | null;
  regionCode: string;
  industries: string[];
  source: 'base' | 'approval' | 'manual';
  status: string | null;
  active: boolean;
  goneAt: string | null;
  version: number;
  updatedAt: string;
}
export interface Page<T> {
  items: T[];
  next: string | null;
}
export interface Counts {
  regionCode: string;
  total: number;
  active: number;
  byType: { entityType: string | null; active: number; total: number }[];
  byRegion: { regionCode: string; name: string | null; active: number; total: number }[];
}
export interface SyncRun {
  id: string;
  regionCode: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  seen: number;
  inserted: number;
  updated: number;
  closed: number;
  gone: number;
  failure: string | null;
  queuedAt: string;
  finishedAt: string | null;
}
export interface InspectorView {
  id: string;
  accountId: string | null;
  name: string;
  certificateNo: string;
  departmentId: string;
  departmentName: string | null;
  regionCode: string;
  specialities: string[];
  active: boolean;
  version: number;
}
export const RELATION_KINDS = ['kin', 'former_employment', 'shareholding', 'other'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export interface RelationView {
  id: string;
  inspectorId: string;
  inspectorName: string;
  certificateNo: string;
  creditCode: string;
  objectName: string | null;
  kind: RelationKind;
  note: string | null;
  declaredBy: string;
  declaredAt: string;
  withdrawnAt: string | null;
}

/** Industry tags offered when tagging (stored values, as plans scope by them; any other may be typed). */
export const SUGGESTED_INDUSTRIES = ['食品经营', '食品生产', '药品经营', '特种设备', '产品质量', '危险化学品', '建筑施工', '旅游服务'];
