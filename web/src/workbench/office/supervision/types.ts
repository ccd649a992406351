export type Light = 'green' | 'yellow' | 'red';
export type SourceKind = 'instruction' | 'meeting' | 'document' | 'key_work';

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

/** Tag colours with enough contrast on white (antd's presets). */
export const LIGHT_COLOURS: Record<Light, string> = { green: 'green', yellow: 'gold', red: 'red' };
