import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** A 主动服务 policy a document carries (or carried: `detached_at` set), see migrations.ts. */
export interface OpennessDocumentRuleTable {
  id: string;
  region_code: string;
  document_id: string;
  policy_code: string;
  policy_name: string;
  subject: 'person' | 'entity';
  department_id: string;
  note: string | null;
  attached_by: string;
  attached_by_name: string;
  attached_at: Timestamp;
  detached_by: string | null;
  detached_by_name: string | null;
  detached_at: Timestamp | null;
  detach_reason: string | null;
  retold_at: Timestamp | null;
  last_run_at: Timestamp | null;
  last_matched: number | null;
  last_told: number | null;
  runs: Generated<number>;
}

/** Tables of the matching area, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface MatchingTables {
  openness_document_rule: OpennessDocumentRuleTable;
}

export const matchingDb = (ex: Executor) => tablesOf<MatchingTables>(ex);
