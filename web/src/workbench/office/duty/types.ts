export type DayKind = 'workday' | 'weekend' | 'holiday';
export interface Shift {
  day: string;
  kind: DayKind;
  leader: string | null;
  officers: string[];
  planned: boolean;
}
export interface Rota {
  departmentId: string;
  month: string;
  today: string;
  days: Shift[];
  canEdit: boolean;
}
export const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
