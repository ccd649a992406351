import type { Generated } from 'kysely';
import { tablesOf, type DefaultedJson, type Json, type SearchText, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';

/*
 * The row types of the services module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface ServicesActionTable {
  id: string;
  application_id: string;
  region_code: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_type: string;
  actor_name: string;
  actor_roles: string[];
  department_id: string | null;
  opinion: string | null;
  attachments: Generated<string[]>;
  due_at: Timestamp | null;
  payload: DefaultedJson<unknown>;
  at: Timestamp;
}

export interface ServicesApplicationTable {
  id: string;
  number: string;
  region_code: string;
  item_id: string;
  item_version_id: string;
  department_id: string;
  applicant_account_id: string;
  applicant_name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  channel: 'online' | 'window';
  submitted_by: string;
  state: string;
  open: Generated<boolean>;
  outcome: string | null;
  form_enc: string;
  materials: Json<unknown>;
  supplement_items: DefaultedJson<unknown>;
  assignee_id: string | null;
  assignee_name: string | null;
  handled_by: string | null;
  submitted_at: Timestamp;
  state_entered_at: Timestamp;
  accepted_at: Timestamp | null;
  completed_at: Timestamp | null;
  delivered_at: Timestamp | null;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  step_due_at: Timestamp | null;
  paused_at: Timestamp | null;
  paused_due_days: number | null;
  paused_step_days: number | null;
  working_days_used: number | null;
  overdue: Generated<boolean>;
  delivery: string | null;
  result_file_id: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
  /** The 一件事 this 办件 is a member of (null for a stand-alone application). */
  bundle_application_id: string | null;
  /** 告知承诺制: the applicant committed in writing instead of proving some conditions up front. */
  commitment: Generated<boolean>;
}

export interface ServicesEvaluationTable {
  id: string;
  application_id: string;
  region_code: string;
  item_id: string;
  department_id: string;
  staff_account_id: string | null;
  evaluator_id: string;
  channel: string;
  level: number;
  reasons: string[];
  comment: string | null;
  at: Timestamp;
}

export interface ServicesItemTable {
  id: string;
  region_code: string;
  code: string;
  department_id: string;
  current_version: number;
  active: Generated<boolean>;
  name: string;
  name_en: string | null;
  item_type: string;
  applicant_types: string[];
  life_events: string[];
  enterprise_events: string[];
  promised_days: number;
  visits: number;
  handling: string;
  search: SearchText;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServicesItemVersionTable {
  id: string;
  item_id: string;
  version: number;
  content: Json<unknown>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ServicesRectificationTable {
  id: string;
  evaluation_id: string;
  application_id: string;
  region_code: string;
  department_id: string;
  state: 'open' | 'replied' | 'closed';
  due_at: Timestamp;
  reply: string | null;
  replied_by: string | null;
  replied_at: Timestamp | null;
  follow_up_satisfied: boolean | null;
  follow_up_comment: string | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ServicesSearchQueryTable {
  id: string;
  region_code: string;
  query: string;
  terms: string[];
  result_count: number;
  top_item_ids: string[];
  at: Timestamp;
}

export interface ServicesSearchClickTable {
  query_id: string;
  item_id: string;
  region_code: string;
  kind: 'open' | 'apply';
  at: Timestamp;
}

export interface ServicesBundleTable {
  id: string;
  region_code: string;
  code: string;
  current_version: number;
  active: Generated<boolean>;
  name: string;
  name_en: string | null;
  applicant_type: 'person' | 'enterprise';
  life_events: string[];
  enterprise_events: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServicesBundleVersionTable {
  id: string;
  bundle_id: string;
  version: number;
  content: Json<unknown>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ServicesBundleApplicationTable {
  id: string;
  number: string;
  region_code: string;
  bundle_id: string;
  bundle_version_id: string;
  applicant_account_id: string;
  applicant_name: string;
  enterprise_id: string | null;
  applicant: Json<unknown>;
  state: 'submitted' | 'in_progress' | 'completed' | 'blocked' | 'delivered';
  reason: string | null;
  forms_enc: string;
  materials: Json<unknown>;
  members: Json<unknown>;
  submitted_at: Timestamp;
  completed_at: Timestamp | null;
  delivered_at: Timestamp | null;
  delivery: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** Every table the services module owns, by name. */
export interface ServicesTables {
  services_action: ServicesActionTable;
  services_application: ServicesApplicationTable;
  services_bundle: ServicesBundleTable;
  services_bundle_application: ServicesBundleApplicationTable;
  services_bundle_version: ServicesBundleVersionTable;
  services_evaluation: ServicesEvaluationTable;
  services_item: ServicesItemTable;
  services_item_version: ServicesItemVersionTable;
  services_rectification: ServicesRectificationTable;
  services_search_click: ServicesSearchClickTable;
  services_search_query: ServicesSearchQueryTable;
}

/** The shared handle, typed with the services tables (queries are checked against their columns). */
export const servicesDb = (ex: Executor) => tablesOf<ServicesTables>(ex);
