export type Light = 'green' | 'yellow' | 'red';
export type SourceKind = 'instruction' | 'meeting' | 'document' | 'key_work' | 'disclosure';

/** A task as the board lists it (GET /api/office/supervision/tasks). */
export interface TaskView {
  id: string;
  number: string;
  title: string;
  state: string;
  source: { kind: SourceKind; ref: string | null; label: string | null };
  leadDepartmentId: string | null;
  leadUnit: string | null;
  helperUnits: { id: string; name: string }[];
  dueDate: string | null;
  progress: number;
  light: Light | null;
  workingDaysLeft: number | null;
  returned: number;
  remindLevel: number;
}

export interface TaskDetail extends TaskView {
  detail: string | null;
  version: number;
  actions: string[];
  timeline: { at: string; action: string; actor: string; opinion: string | null; evidence: string[]; progress: number | null }[];
}

export interface UnitFigures {
  departmentId: string;
  name: string;
  nameEn: string | null;
  tasks: number;
  onTime: number;
  overdue: number;
  returned: number;
  done: number;
}

/** Solid tag colours dark enough for white text (antd's gold preset fails the contrast check). */
export const LIGHT_COLOURS: Record<Light, string> = { green: '#237804', yellow: '#874d00', red: '#b3261e' };
