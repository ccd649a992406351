/** The public draw as GET /api/regulation/public/draws/:id answers it (see the server's draws/schema.ts). */
export interface Dept {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface Step {
  i: number;
  digest: string;
  remaining: number;
  index: number;
}

export interface DrawResult {
  strata: { label: string; n: number; quota: number; steps: (Step & { creditCode: string })[] }[];
  objects: { creditCode: string; class: string; eligible: number; inspectors: (Step & { id: string; departmentId: string; slotDepartmentId: string | null })[] }[];
}

export interface PublicDraw {
  id: string;
  state: string;
  plan: {
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
  };
  lead: Dept;
  joint: Dept[];
  items: { id: string; code: string | null; name: string | null }[];
  committedAt: string;
  seedSources: { name: string; count: number }[];
  seedAvailableAt: string;
  digests: { candidates: string; inspectors: string; avoidance: string; commitment: string };
  candidates: { creditCode: string; class: string; name: string }[];
  inspectors: { id: string; certificateNo: string; departmentId: string; name: string }[];
  avoidance: { creditCode: string; inspectorId: string; reason: string }[];
  draw: { values: number[][]; key: string; drawnAt: string; resultDigest: string; tasks: number; result: DrawResult } | null;
}

export interface PublicListItem {
  id: string;
  number: string;
  name: string;
  regionCode: string;
  year: number;
  batch: number;
  checkType: string;
  state: string;
  lead: Dept;
  joint: Dept[];
  candidatesCount: number | null;
  committedAt: string | null;
  seedAvailableAt: string | null;
  drawnAt: string | null;
}

export interface ServerCheck {
  id: string;
  state: string;
  match: boolean;
  parts: Record<string, { committed: string | null; recomputed: string | null; match: boolean; problem?: { zh: string; en: string } }>;
}

/** Tag colours of a plan's states (the public list and the workbench share them). */
export const STATE_COLOURS: Record<string, string> = { draft: 'default', committed: 'blue', drawn: 'green', cancelled: 'default' };
