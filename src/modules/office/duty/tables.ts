import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** The row types of the duty area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export type DayKind = 'workday' | 'weekend' | 'holiday';
export type LogKind = 'call' | 'document' | 'incident' | 'other';

export interface OfficeDutyShiftTable {
  id: string;
  region_code: string;
  department_id: string;
  day: string;
  day_kind: DayKind;
  leader: string | null;
  officers: string[];
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfficeDutyHandoverTable {
  id: string;
  region_code: string;
  department_id: string;
  day: string;
  from_account_id: string;
  from_name: string;
  to_name: string;
  items: string;
  state: 'open' | 'acknowledged';
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OfficeDutyLogTable {
  id: string;
  region_code: string;
  department_id: string;
  at: Timestamp;
  kind: LogKind;
  text: string;
  author_id: string;
  author_name: string;
  created_at: Timestamp;
}

export interface OfficeDutyIncidentTable {
  id: string;
  region_code: string;
  department_id: string;
  what: string;
  place: string;
  occurred_at: Timestamp;
  casualties: number;
  reporter: string;
  lon: number;
  lat: number;
  reported_by: string;
  reported_at: Timestamp;
  case_id: string | null;
  case_number: string | null;
}

export interface DutyTables {
  office_duty_shift: OfficeDutyShiftTable;
  office_duty_handover: OfficeDutyHandoverTable;
  office_duty_log: OfficeDutyLogTable;
  office_duty_incident: OfficeDutyIncidentTable;
}

export const dutyDb = (ex: Executor) => tablesOf<DutyTables>(ex);
