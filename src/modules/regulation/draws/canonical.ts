/**
 * The canonical texts whose SM3 digests are committed before a draw. Plain lines with tab-separated
 * fields, sorted by UTF-16 code units (never by locale), so any language can rebuild them from the
 * public JSON: the web check page and the downloadable script do exactly this.
 *
 * - candidates: `<credit code>\t<class>\t<name>\n` in list order (credit code ascending);
 * - inspectors: `<id>\t<执法证 number>\t<department id>\t<name>\n` in pool order (certificate number, then id);
 * - 回避 pairs: `<credit code>\t<inspector id>\t<reason>\n` sorted by the three fields;
 * - the commitment: canonical JSON (object keys sorted) of the plan's parameters, the three
 *   digests above, the declared seed sources and the time after which their values are known;
 * - the result: canonical JSON of what the draw returned.
 */

export interface FrozenCandidate {
  creditCode: string;
  class: string;
  name: string;
}
export interface FrozenInspector {
  id: string;
  certificateNo: string;
  departmentId: string;
  name: string;
}
export interface AvoidancePair {
  creditCode: string;
  inspectorId: string;
  /** 'relation' (declared 利害关系) or 'last' (inspected the object last time). */
  reason: string;
}

/** Tabs and line breaks in a name would break a line; they are frozen as spaces. */
export const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const candidatesText = (c: readonly FrozenCandidate[]) => c.map((x) => `${x.creditCode}\t${x.class}\t${x.name}\n`).join('');
export const inspectorsText = (i: readonly FrozenInspector[]) => i.map((x) => `${x.id}\t${x.certificateNo}\t${x.departmentId}\t${x.name}\n`).join('');
export const avoidanceText = (a: readonly AvoidancePair[]) =>
  [...a]
    .sort((x, y) => byCodeUnits(x.creditCode, y.creditCode) || byCodeUnits(x.inspectorId, y.inspectorId) || byCodeUnits(x.reason, y.reason))
    .map((x) => `${x.creditCode}\t${x.inspectorId}\t${x.reason}\n`)
    .join('');

/** JSON with object keys sorted (code units), arrays in order: one value, one text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(byCodeUnits)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** The plan's parameters as committed (what the public sees under `plan`). */
export interface CommittedPlan {
  number: string;
  name: string;
  regionCode: string;
  year: number;
  batch: number;
  checkType: string;
  itemIds: string[];
  scope: { regionCodes: string[]; entityTypes?: string[]; industries?: string[] };
  startsOn: string;
  endsOn: string;
  leadDepartmentId: string;
  jointDepartmentIds: string[];
  rates: Record<string, { bp: number; min: number }>;
  inspectorsPerObject: number;
}

export interface Commitment {
  plan: CommittedPlan;
  candidatesDigest: string;
  inspectorsDigest: string;
  avoidanceDigest: string;
  seedSources: { name: string; count: number }[];
  /** ISO 8601 UTC, milliseconds (Date.toISOString()). */
  seedAvailableAt: string;
}

export const commitmentText = (c: Commitment) => canonicalJson(c);
