import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

/** A 监管事项 as stored. */
export interface RegulationItemTable {
  id: string;
  region_code: string;
  code: string;
  name: string;
  basis: string;
  department_id: string;
  level: 'general' | 'key';
  methods: Generated<string[]>;
  entity_types: Generated<string[]>;
  content: Generated<string>;
  random_check: Generated<boolean>;
  licensing_item_codes: Generated<string[]>;
  commitment_verify_days: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables of 监管事项清单 (照单监管), as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface ItemsTables {
  regulation_item: RegulationItemTable;
}

export const itemsDb = (ex: Executor) => tablesOf<ItemsTables>(ex);
