import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type DefaultedTimestamp, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';

/** A region's 数据利用协议 template, one row per version (the newest is used for new applications). */
export interface OpendataAgreementTemplateTable {
  region_code: string;
  version: number;
  title: string;
  /** With placeholders such as {{dataset}}, {{items}}, {{purpose}}, {{periodFrom}} (see agreement.ts). */
  body: string;
  created_by: string;
  created_at: Timestamp;
}

/** Who to reach about an application (kept out of audit entries and logs). */
export interface ApplicationContact {
  name: string;
  phone: string;
  email: string | null;
}

/** A 有条件开放 application with its 数据利用协议 and, once approved, its grant. */
export interface OpendataApplicationTable {
  id: string;
  number: string;
  region_code: string;
  workflow_version: number;
  version: Generated<number>;
  /** draft → submitted → bureau_review → approved (→ revoked | expired); refused; withdrawn. */
  state: string;
  dataset_id: string;
  dataset_name: string;
  dataset_title: string;
  resource_code: string;
  provider_department_id: string;
  applicant_account_id: string;
  /** person (a researcher) or enterprise (a person acting for it). */
  applicant_type: string;
  applicant_name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  enterprise_credit_code: string | null;
  purpose: string;
  items: string[];
  row_region: string | null;
  /** China Standard Time dates, YYYY-MM-DD. */
  period_from: string;
  period_to: string;
  security_measures: string;
  /** api (a gateway credential) or sandbox (可用不可见). */
  delivery: string;
  contact: Json<ApplicationContact>;
  template_version: number;
  /** The agreement as filled in for this application, and as signed: never changed after signing. */
  agreement_text: string;
  /** SM3 of agreement_text (hex). */
  agreement_hash: string;
  signed_name: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  due_at: Timestamp | null;
  grant_id: string | null;
  client_id: string | null;
  /** Sealed client secret until the applicant collects it once; then null. */
  secret_enc: string | null;
  credentials_collected_at: Timestamp | null;
  decided_at: Timestamp | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The steps of an application (the kernel's one action-log shape). */
export type OpendataApplicationActionTable = ActionLogRow<'application_id'>;

export interface OpendataApplicationWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

/** The row types of the grants area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface GrantsTables {
  opendata_agreement_template: OpendataAgreementTemplateTable;
  opendata_application: OpendataApplicationTable;
  opendata_application_action: OpendataApplicationActionTable;
  opendata_application_workflow: OpendataApplicationWorkflowTable;
}

export const grantsDb = (ex: Executor) => tablesOf<GrantsTables>(ex);
