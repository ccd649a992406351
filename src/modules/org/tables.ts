import type { Generated } from 'kysely';
import { tablesOf, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';

/*
 * The row types of the org module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface OrgDepartmentTable {
  id: string;
  region_code: string;
  code: string;
  name: string;
  name_en: string | null;
  parent_id: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgPostTable {
  id: string;
  department_id: string;
  name: string;
  role_codes: string[];
  active: Generated<boolean>;
}

export interface OrgRegionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  active: Generated<boolean>;
}

export interface OrgStaffTable {
  id: string;
  region_code: string;
  department_id: string;
  post_id: string | null;
  name: string;
  employee_no: string;
  phone_enc: string | null;
  roles: string[];
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every table the org module owns, by name. */
export interface OrgTables {
  org_department: OrgDepartmentTable;
  org_post: OrgPostTable;
  org_region: OrgRegionTable;
  org_staff: OrgStaffTable;
}

/** The shared handle, typed with the org tables (queries are checked against their columns). */
export const orgDb = (ex: Executor) => tablesOf<OrgTables>(ex);
