import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** One 检查对象: a market entity by credit code, from the base, an approval or entered by hand. */
export interface RegulationObjectTable {
  id: string;
  credit_code: string;
  name: string;
  entity_type: string | null;
  region_code: string;
  industries: Generated<string[]>;
  source: string;
  status: string | null;
  /** False once 注销 / 吊销 or gone from the base: kept, but out of every plan's scope. */
  active: Generated<boolean>;
  gone_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One sync of a region's objects from the entity base, with its progress and counts. */
export interface RegulationObjectSyncTable {
  id: string;
  region_code: string;
  state: string;
  requested_by: string;
  seen: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  closed: Generated<number>;
  gone: Generated<number>;
  failure: string | null;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** One 执法检查人员 with their 执法证. */
export interface RegulationInspectorTable {
  id: string;
  account_id: string | null;
  name: string;
  certificate_no: string;
  department_id: string;
  region_code: string;
  specialities: Generated<string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A declared 利害关系 between an inspector and a market entity (回避 in every draw while open). */
export interface RegulationRelationTable {
  id: string;
  inspector_id: string;
  credit_code: string;
  region_code: string;
  kind: string;
  note: string | null;
  declared_by: string;
  declared_by_name: string;
  declared_at: Timestamp;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
}

/** The tables of 两库: 检查对象名录库 and 执法检查人员名录库. */
export interface DirectoryTables {
  regulation_object: RegulationObjectTable;
  regulation_object_sync: RegulationObjectSyncTable;
  regulation_inspector: RegulationInspectorTable;
  regulation_relation: RegulationRelationTable;
}

export const directoryDb = (ex: Executor) => tablesOf<DirectoryTables>(ex);
