import type { Generated } from 'kysely';
import { tablesOf, type DefaultedJson, type Json, type Timestamp } from './db/tables.ts';
import type { Executor } from './db/index.ts';

/*
 * The row types of the kernel kernel's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface KernelAuditCheckpointTable {
  /** The sum of every lane's head position (lane 0's position for a checkpoint of lane 0 alone). */
  chain_pos: number;
  entry_hash: string;
  entries: number;
  at: Timestamp;
  hash_alg: string;
  public_key: string;
  signature: string;
  /** Every lane's head when the checkpoint covers more than lane 0; null for a lane-0 checkpoint. */
  lanes: Json<{ lane: number; pos: number; hash: string }[]> | null;
}

export interface KernelAuditCheckpointV1Table {
  chain_pos: number;
  entry_hash: string;
  entries: number;
  at: Timestamp;
  hash_alg: string;
  public_key: string;
  signature: string;
}

export interface KernelAuditEntryTable {
  id: string;
  region_code: string;
  actor_id: string;
  actor_type: string;
  action: string;
  object_type: string;
  object_id: string;
  at: Timestamp;
  change_digest: string;
  summary: DefaultedJson<unknown>;
  request_id: string | null;
  /** Which hash chain the entry is linked in (`kernel_audit_head.id`). */
  lane: Generated<number>;
  chain_pos: number | null;
  prev_hash: string | null;
  entry_hash: string | null;
}

export interface KernelAuditHeadTable {
  /** The lane. */
  id: number;
  seq: number;
  hash: string;
}

export interface KernelCalendarDayTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface KernelFileTable {
  id: string;
  region_code: string;
  owner_id: string;
  name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface KernelIdempotencyTable {
  actor: string;
  key: string;
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
  attempt: string | null;
  written_at: Timestamp | null;
  object_type: string | null;
  object_id: string | null;
}

export interface KernelJobTable {
  id: string;
  kind: string;
  region_code: string;
  payload: Json<unknown>;
  run_at: Timestamp;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  unique_key: string | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface KernelMessageLogTable {
  id: string;
  channel: 'sms' | 'email';
  recipient_masked: string;
  event_id: string;
  sent_at: Timestamp;
}

export interface KernelMigrationTable {
  name: string;
  timestamp: string;
}

export interface KernelMigrationLockTable {
  id: string;
  is_locked: Generated<number>;
}

export interface KernelNotificationTable {
  id: string;
  region_code: string;
  recipient_id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface KernelOutboxTable {
  id: string;
  topic: string;
  region_code: string;
  payload: Json<unknown>;
  created_at: Timestamp;
  next_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

/** Every table the kernel kernel owns, by name. */
/** A region's saved version of a declared setting (settings/index.ts). */
export interface KernelSettingTable {
  key: string;
  region_code: string;
  version: number;
  value: Json<unknown>;
  reason: string;
  saved_by: string;
  saved_at: Timestamp;
}

export interface KernelTables {
  kernel_audit_checkpoint: KernelAuditCheckpointTable;
  kernel_audit_checkpoint_v1: KernelAuditCheckpointV1Table;
  kernel_audit_entry: KernelAuditEntryTable;
  kernel_audit_head: KernelAuditHeadTable;
  kernel_calendar_day: KernelCalendarDayTable;
  kernel_file: KernelFileTable;
  kernel_idempotency: KernelIdempotencyTable;
  kernel_job: KernelJobTable;
  kernel_message_log: KernelMessageLogTable;
  kernel_migration: KernelMigrationTable;
  kernel_migration_lock: KernelMigrationLockTable;
  kernel_notification: KernelNotificationTable;
  kernel_outbox: KernelOutboxTable;
  kernel_setting: KernelSettingTable;
}

/** The shared handle, typed with the kernel tables (queries are checked against their columns). */
export const kernelDb = (ex: Executor) => tablesOf<KernelTables>(ex);
