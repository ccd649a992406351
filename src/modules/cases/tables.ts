import type { Generated } from 'kysely';
import { tablesOf, type DefaultedJson, type DefaultedTimestamp, type Json, type SearchText, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { Suggestion } from './schema.ts';
import type { Urgency } from './workflow.ts';
import type { ActionLogRow } from '../../kernel/workflow/index.ts';

/*
 * The row types of the cases module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export type CasesActionTable = ActionLogRow<'case_id'>;

export interface CasesApiKeyTable {
  id: string;
  key_index: string;
  name: string;
  jurisdiction_id: string;
  region_code: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface CasesCaseTable {
  id: string;
  number: string;
  region_code: string;
  workflow_version: number;
  channel: string;
  kind: string;
  urgency: Urgency;
  title: string;
  content: string;
  search: SearchText;
  caller_name_enc: string | null;
  caller_phone_enc: string | null;
  caller_phone_index: string | null;
  caller_account_id: string | null;
  confidential: Generated<boolean>;
  reporter_id: string;
  external_ref: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  street_code: string | null;
  grid_code: string | null;
  photo_ids: Generated<string[]>;
  attributes: DefaultedJson<unknown>;
  category_code: string | null;
  suggestions: DefaultedJson<Suggestion[]>;
  took_first: boolean | null;
  first_suggestion: Json<unknown> | null;
  state: string;
  open: Generated<boolean>;
  handling_department_id: string | null;
  helper_department_ids: Generated<string[]>;
  dispatch_chain: Generated<string[]>;
  dispatched_at: Timestamp | null;
  response_due_at: Timestamp | null;
  accepted_at: Timestamp | null;
  due_at: Timestamp | null;
  replied_at: Timestamp | null;
  closed_at: Timestamp | null;
  overdue: Generated<boolean>;
  reminded_at: Timestamp | null;
  supervision_level: Generated<number>;
  supervised_at: Timestamp | null;
  extension_status: string | null;
  extension_days: number | null;
  returns: Generated<number>;
  answer: string | null;
  reply: string | null;
  reply_photo_ids: Generated<string[]>;
  solved: boolean | null;
  satisfaction: number | null;
  reopen_count: Generated<number>;
  duplicate_of: string | null;
  duplicates: Generated<number>;
  device_id: string | null;
  held_out: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CasesCategoryTable {
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string | null;
  limits: Json<unknown>;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CasesCategoryCountTable {
  category_code: string;
  docs: number;
  terms: number;
}

export interface CasesDutyTable {
  id: string;
  region_code: string;
  category_code: string;
  level: 'department' | 'street';
  department_id: string | null;
  keywords: Generated<string[]>;
  note: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CasesKnowledgeTable {
  id: string;
  region_code: string;
  category_code: string | null;
  title: string;
  body: string;
  keywords: Generated<string[]>;
  search: SearchText;
  active: Generated<boolean>;
  uses: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Shown to the public (统一知识问答库) without sign-in. */
  public: Generated<boolean>;
  /** Where an entry another module made came from (e.g. 'openness.question:<id>'); null for 12345's own. */
  public_ref: string | null;
  published_at: Timestamp | null;
}

export interface CasesPlaceNameTable {
  region_code: string;
  name: string;
  street_code: string;
  kind: 'street' | 'estate' | 'road' | 'village' | 'landmark';
  created_at: DefaultedTimestamp;
}

export interface CasesTermCountTable {
  category_code: string;
  term: string;
  n: number;
}

export interface CasesWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
  region_code: Generated<string>;
  reason: string | null;
  created_by: string | null;
}

/** Every table the cases module owns, by name. */
export interface CasesTables {
  cases_action: CasesActionTable;
  cases_api_key: CasesApiKeyTable;
  cases_case: CasesCaseTable;
  cases_category: CasesCategoryTable;
  cases_category_count: CasesCategoryCountTable;
  cases_duty: CasesDutyTable;
  cases_knowledge: CasesKnowledgeTable;
  cases_place_name: CasesPlaceNameTable;
  cases_term_count: CasesTermCountTable;
  cases_workflow: CasesWorkflowTable;
}

/** The shared handle, typed with the cases tables (queries are checked against their columns). */
export const casesDb = (ex: Executor) => tablesOf<CasesTables>(ex);
