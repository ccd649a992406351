import type { Generated } from 'kysely';
import { tablesOf, type DefaultedJson, type DefaultedTimestamp, type Json, type SearchText, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { ActionLogRow } from '../../kernel/workflow/index.ts';

/*
 * The row types of the data module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface DataCreditTable {
  id: string;
  region_code: string;
  credit_code: string;
  rating: string | null;
  penalties: Generated<number>;
  red_list: Generated<boolean>;
  black_list: Generated<boolean>;
  updated_at: Timestamp;
}

export interface DataEntityTable {
  id: string;
  region_code: string;
  credit_code: string | null;
  name: string | null;
  entity_type: string | null;
  legal_rep_name: string | null;
  legal_rep_enc: string | null;
  legal_rep_idx: string | null;
  legal_rep_masked: string | null;
  registered_capital: number | null;
  established_on: string | null;
  address: string | null;
  status: string | null;
  updated_at: Timestamp;
}

export interface DataGrantTable {
  id: string;
  request_id: string | null;
  resource_id: string;
  region_code: string;
  client_id: string;
  consumer_department_id: string | null;
  purpose: string;
  items: string[];
  clear_items: string[];
  row_region: string | null;
  rate_per_minute: number;
  valid_from: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  secret_enc: string | null;
  created_at: Timestamp;
  holder_name: string | null;
  open_application_id: string | null;
}

export interface DataGrantMinuteTable {
  grant_id: string;
  minute: Timestamp;
  node: string;
  calls: number;
}

export interface DataItemTable {
  resource_id: string;
  code: string;
  name: string;
  data_type: string;
  standard: string | null;
  grade: 'L1' | 'L2' | 'L3' | 'L4';
  importance: 'general' | 'important' | 'core';
  element: string | null;
  storage: Json<unknown>;
  rules: DefaultedJson<unknown>;
  position: number;
  description: Generated<string>;
}

export interface DataLicenceIndexTable {
  id: string;
  region_code: string;
  identifier: string;
  licence_type: string;
  licence_name: string;
  issuer_name: string;
  status: string;
  updated_at: Timestamp;
}

export interface DataListEntryTable {
  id: string;
  list: 'duty' | 'demand' | 'negative';
  department_id: string;
  resource_id: string | null;
  title: string;
  detail: Generated<string>;
  basis: string | null;
  status: Generated<string>;
  created_at: Timestamp;
}

export interface DataObjectionTable {
  id: string;
  resource_id: string;
  region_code: string;
  row_id: string;
  item_code: string;
  department_id: string;
  raised_by: string;
  description: string;
  state: 'open' | 'corrected' | 'explained';
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  due_at: Timestamp;
  created_at: Timestamp;
}

export interface DataPlaceTable {
  id: string;
  region_code: string;
  name: string | null;
  kind: string | null;
  lon: number | null;
  lat: number | null;
  address: string | null;
  updated_at: Timestamp;
}

export interface DataPopulationTable {
  id: string;
  region_code: string;
  name: string | null;
  sex: string | null;
  birth_date: string | null;
  nation: string | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  address: string | null;
  updated_at: Timestamp;
}

export interface DataQualityIssueTable {
  id: string;
  run_id: string;
  resource_id: string;
  item_code: string | null;
  rule: string;
  row_id: string | null;
  detail: string;
}

export interface DataQualityRunTable {
  id: string;
  resource_id: string;
  region_code: string;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  row_total: number | null;
  rows_with_issues: number | null;
  score: number | null;
  summary: Json<unknown> | null;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  queued_at: Timestamp | null;
  requested_by: string | null;
  steps_total: number | null;
  steps_done: Generated<number>;
  failure: string | null;
}

export interface DataRequestTable {
  id: string;
  number: string;
  resource_id: string;
  region_code: string;
  requester_department_id: string;
  requester_id: string;
  system_name: string;
  purpose: string;
  legal_basis: string;
  items: string[];
  clear_items: Generated<string[]>;
  row_region: string | null;
  period_from: string;
  period_to: string;
  state: string;
  decision: Json<unknown> | null;
  due_at: Timestamp;
  grant_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  workflow_version: Generated<number>;
}

/** The steps of a sharing request (the kernel's one action-log shape). */
export type DataRequestActionTable = ActionLogRow<'request_id'>;

export interface DataRequestWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

export interface DataResourceTable {
  id: string;
  code: string;
  name: string;
  description: Generated<string>;
  provider_department_id: string;
  region_code: string;
  category: 'base' | 'theme' | 'department';
  backing: 'table' | 'http' | 'records';
  backing_ref: string;
  key_item: string | null;
  sharing_type: 'unconditional' | 'conditional' | 'none';
  sharing_basis: string | null;
  open_type: 'open' | 'conditional' | 'none';
  open_basis: string | null;
  update_frequency: string;
  last_updated_at: Timestamp | null;
  search: SearchText;
  version: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A row of a records-backed resource: values keyed by the items' storage fields. */
export interface DataRecordTable {
  resource_id: string;
  id: string;
  region_code: string;
  values: Json<unknown>;
  updated_at: Timestamp;
}

export interface DataUsageTable {
  id: string;
  grant_id: string;
  resource_id: string;
  region_code: string;
  client_id: string;
  operation: string;
  purpose: string;
  items: string[];
  row_count: number;
  outcome: string;
  at: Timestamp;
}

/** Every table the data module owns, by name. */
export interface DataDeathTable {
  id_number_idx: string;
  id_number_enc: string;
  id_number_masked: string;
  region_code: string;
  died_on: string;
  updated_at: Timestamp;
}

export interface DataDisabilityTable {
  id_number_idx: string;
  id_number_enc: string;
  id_number_masked: string;
  region_code: string;
  grade: number;
  category: string;
  updated_at: Timestamp;
}

export interface DataAssistanceTable {
  id_number_idx: string;
  id_number_enc: string;
  id_number_masked: string;
  region_code: string;
  kind: string;
  household_size: number;
  status: string;
  updated_at: Timestamp;
}

export interface DataEmployerInsuranceTable {
  credit_code: string;
  region_code: string;
  size: string;
  insured_avg: number;
  months_paid: number;
  last_year_contribution_fen: number;
  new_claimants: number;
  updated_at: Timestamp;
}

export interface DataTables {
  data_assistance: DataAssistanceTable;
  data_death: DataDeathTable;
  data_disability: DataDisabilityTable;
  data_employer_insurance: DataEmployerInsuranceTable;
  data_credit: DataCreditTable;
  data_entity: DataEntityTable;
  data_grant: DataGrantTable;
  data_grant_minute: DataGrantMinuteTable;
  data_item: DataItemTable;
  data_licence_index: DataLicenceIndexTable;
  data_list_entry: DataListEntryTable;
  data_objection: DataObjectionTable;
  data_place: DataPlaceTable;
  data_population: DataPopulationTable;
  data_quality_issue: DataQualityIssueTable;
  data_quality_run: DataQualityRunTable;
  data_record: DataRecordTable;
  data_request: DataRequestTable;
  data_request_action: DataRequestActionTable;
  data_request_workflow: DataRequestWorkflowTable;
  data_resource: DataResourceTable;
  data_usage: DataUsageTable;
}

/** The shared handle, typed with the data tables (queries are checked against their columns). */
export const dataDb = (ex: Executor) => tablesOf<DataTables>(ex);
