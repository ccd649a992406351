import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** One sandbox query as logged (see migrations.ts). */
export interface OpendataSandboxQueryTable {
  id: string;
  region_code: string;
  dataset_id: string;
  dataset_name: string;
  department_id: string;
  account_id: string;
  account_name: string;
  application_id: string | null;
  query: unknown;
  status: 'running' | 'answered' | 'refused';
  refusal_code: string | null;
  k: number;
  groups_returned: Generated<number>;
  groups_suppressed: Generated<number>;
  result: unknown;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** The tables of the sandbox area, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface SandboxTables {
  opendata_sandbox_query: OpendataSandboxQueryTable;
}

export const sandboxDb = (ex: Executor) => tablesOf<SandboxTables>(ex);
