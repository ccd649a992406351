import type { Generated } from 'kysely';
import { tablesOf, type Json, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';

/*
 * The row types of the licenses module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface LicensesGrantTable {
  id: string;
  lineage: string;
  holder_index: string;
  department_id: string;
  scopes: string[];
  purpose: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface LicensesLicenceTable {
  id: string;
  identifier: string;
  lineage: string;
  version: number;
  licence_no: string;
  type_key: string;
  type_version: number;
  name: string;
  region_code: string;
  issuer_department_id: string;
  issuer_name: string;
  issuer_code: string;
  issued_on: string;
  valid_from: string;
  valid_until: string | null;
  holder_type: 'person' | 'entity';
  holder_name: string;
  holder_code_enc: string;
  holder_code_masked: string;
  holder_index: string;
  item_code: string | null;
  application_id: string | null;
  data_enc: string;
  status: 'valid' | 'annulled' | 'cancelled' | 'expired' | 'revoked' | 'superseded';
  status_reason: string | null;
  status_at: Timestamp | null;
  seal_id: string;
  document_file_id: string | null;
  document_hash: string;
  signed_at: Timestamp;
  created_at: Timestamp;
  operator_index: string | null;
}

export interface LicensesDocumentTable {
  id: string;
  identifier: string;
  lang: 'zh' | 'en';
  kind: string;
  title: string;
  document_no: string;
  region_code: string;
  department_id: string;
  issuer_name: string;
  holder_name: string;
  holder_code_masked: string;
  application_id: string | null;
  issued_on: string;
  seal_id: string;
  document_hash: string;
  file_id: string;
  facts_enc: string;
  created_at: Timestamp;
}

export interface LicensesSealTable {
  id: string;
  code: string;
  region_code: string;
  department_id: string;
  name: string;
  unit_name: string;
  unit_code: string;
  purpose: string;
  public_key: string;
  private_key_enc: string;
  valid_from: string;
  valid_to: string;
  users: Generated<string[]>;
  automatic: Generated<boolean>;
  active: Generated<boolean>;
  uses: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LicensesTypeTable {
  key: string;
  code: string;
  version: number;
  definition: Json<unknown>;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

export interface LicensesTypeVersionTable {
  key: string;
  version: number;
  definition: Json<unknown>;
  changed_by: string;
  changed_at: Timestamp;
}

export interface LicensesUseTable {
  id: string;
  licence_id: string;
  holder_index: string;
  region_code: string;
  kind: string;
  grant_id: string | null;
  actor_id: string;
  actor_name: string;
  department_id: string | null;
  purpose: string;
  application_id: string | null;
  at: Timestamp;
}

export interface LicensesVcKeyTable {
  id: string;
  public_jwk: Json<unknown>;
  private_enc: string;
  created_at: Timestamp;
}

/** Every table the licenses module owns, by name. */
export interface LicensesTables {
  licenses_document: LicensesDocumentTable;
  licenses_grant: LicensesGrantTable;
  licenses_licence: LicensesLicenceTable;
  licenses_seal: LicensesSealTable;
  licenses_type: LicensesTypeTable;
  licenses_type_version: LicensesTypeVersionTable;
  licenses_use: LicensesUseTable;
  licenses_vc_key: LicensesVcKeyTable;
}

/** The shared handle, typed with the licenses tables (queries are checked against their columns). */
export const licensesDb = (ex: Executor) => tablesOf<LicensesTables>(ex);
