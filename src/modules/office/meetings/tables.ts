import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type DefaultedJson, type Timestamp } from '../../../kernel/db/tables.ts';

/** The row types of the meetings area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface OfficeMeetingTable {
  id: string;
  region_code: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  organiser_department_id: string;
  agenda: string;
  reply_due_at: Timestamp;
  invited_accounts: DefaultedJson<string[]>;
  state: 'draft' | 'notified' | 'minuted';
  minutes: string | null;
  minutes_by: string | null;
  minutes_at: Timestamp | null;
  notified_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfficeMeetingUnitTable {
  meeting_id: string;
  department_id: string;
  department_name: string;
  reply: 'pending' | 'attending' | 'absent';
  attendees: DefaultedJson<string[]>;
  replied_by: string | null;
  replied_at: Timestamp | null;
}

export interface OfficeMeetingCheckinTable {
  meeting_id: string;
  account_id: string;
  name: string;
  department_id: string | null;
  checked_in_at: Timestamp;
}

export interface OfficeMeetingDecisionTable {
  id: string;
  meeting_id: string;
  seq: number;
  text: string;
  lead_department_id: string;
  helper_department_ids: string[];
  due_date: string;
  task_id: string | null;
}

export interface MeetingsTables {
  office_meeting: OfficeMeetingTable;
  office_meeting_unit: OfficeMeetingUnitTable;
  office_meeting_checkin: OfficeMeetingCheckinTable;
  office_meeting_decision: OfficeMeetingDecisionTable;
}

export const meetingsDb = (ex: Executor) => tablesOf<MeetingsTables>(ex);
