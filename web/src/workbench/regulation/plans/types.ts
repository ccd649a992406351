/** A plan as GET /api/regulation/plans(/:id) answers it (see the server's draws/schema.ts). */
export interface PlanView {
  id: string;
  number: string;
  name: string;
  regionCode: string;
  year: number;
  batch: number;
  checkType: 'directed' | 'undirected';
  itemIds: string[];
  scope: { regionCodes: string[]; entityTypes?: string[]; industries?: string[] };
  startsOn: string;
  endsOn: string;
  rates: Record<'A' | 'B' | 'C' | 'D', { percent: number; min: number }>;
  inspectorsPerObject: number;
  lead: { id: string; name: string; nameEn: string | null };
  joint: { id: string; name: string; nameEn: string | null }[];
  state: 'draft' | 'committed' | 'drawn' | 'cancelled';
  seedSources: { name: string; count: number }[] | null;
  seedAvailableAt: string | null;
  candidatesCount: number | null;
  commitmentDigest: string | null;
  createdAt: string;
  committedAt: string | null;
  drawnAt: string | null;
  tasks?: number | null;
  key?: string | null;
  resultDigest?: string | null;
}

export const CLASSES = ['A', 'B', 'C', 'D'] as const;
