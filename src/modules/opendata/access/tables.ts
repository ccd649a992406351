import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** Downloads and API calls of a dataset on one China Standard Time day. */
export interface OpendataAccessDayTable {
  dataset_id: string;
  /** `date`, 'YYYY-MM-DD'. */
  day: string;
  region_code: string;
  downloads: Generated<number>;
  download_rows: Generated<number>;
  calls: Generated<number>;
  call_rows: Generated<number>;
}

/** One download's trace. */
export interface OpendataDownloadTable {
  id: string;
  dataset_id: string;
  region_code: string;
  account_id: string | null;
  format: 'csv' | 'json' | 'xlsx';
  row_count: number;
  outcome: 'completed' | 'interrupted' | 'failed';
  started_at: Timestamp;
  ended_at: Timestamp;
}

/** An API key, stored as its hash. */
export interface OpendataApiKeyTable {
  id: string;
  prefix: string;
  key_hash: string;
  account_id: string;
  account_type: string;
  enterprise_id: string | null;
  holder_name: string;
  name: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  calls: Generated<number>;
}

/** A key's calls in one minute (all app nodes). */
export interface OpendataKeyMinuteTable {
  key_id: string;
  minute: Timestamp;
  calls: number;
}

/** One open-API call's trace. */
export interface OpendataApiCallTable {
  id: string;
  key_id: string;
  dataset_id: string | null;
  region_code: string;
  operation: string;
  status: number;
  row_count: Generated<number>;
  at: Timestamp;
}

/** Tables of the access area, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface AccessTables {
  opendata_access_day: OpendataAccessDayTable;
  opendata_download: OpendataDownloadTable;
  opendata_api_key: OpendataApiKeyTable;
  opendata_key_minute: OpendataKeyMinuteTable;
  opendata_api_call: OpendataApiCallTable;
}

export const accessDb = (ex: Executor) => tablesOf<AccessTables>(ex);
