import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { DrawResult } from './sortition.ts';

/** A 抽查计划: parameters while draft; seed source and digests of the frozen inputs once committed. */
export interface RegulationPlanTable {
  id: string;
  region_code: string;
  number: string;
  name: string;
  year: number;
  batch: number;
  /** 定向 (directed) / 不定向 (undirected). */
  check_type: string;
  item_ids: string[];
  scope: Json<{ regionCodes: string[]; entityTypes?: string[]; industries?: string[] }>;
  starts_on: string;
  ends_on: string;
  lead_department_id: string;
  joint_department_ids: Generated<string[]>;
  /** Per credit class: rate in basis points (1 % = 100) and a minimum count. */
  rates: Json<Record<string, { bp: number; min: number }>>;
  inspectors_per_object: number;
  /** draft → committed → drawn (or cancelled). */
  state: string;
  seed_sources: Json<{ name: string; count: number }[]> | null;
  seed_available_at: Timestamp | null;
  candidates_count: number | null;
  candidates_digest: string | null;
  inspectors_digest: string | null;
  avoidance_digest: string | null;
  commitment_digest: string | null;
  created_by: string;
  created_at: Timestamp;
  committed_at: Timestamp | null;
  drawn_at: Timestamp | null;
  updated_at: Timestamp;
}

/** One frozen candidate (检查对象), in credit-code order. */
export interface RegulationPlanCandidateTable {
  plan_id: string;
  ord: number;
  credit_code: string;
  name: string;
  entity_type: string | null;
  region_code: string;
  credit_class: string;
}

/** One frozen inspector of the pool, in certificate-number order. */
export interface RegulationPlanInspectorTable {
  plan_id: string;
  ord: number;
  inspector_id: string;
  name: string;
  certificate_no: string;
  department_id: string;
}

/** One frozen 回避 pair: this inspector is never drawn for this object ('relation' or 'last'). */
export interface RegulationPlanAvoidanceTable {
  plan_id: string;
  credit_code: string;
  inspector_id: string;
  reason: string;
}

/** The one draw of a plan: the published seed values, the key, the result with its steps. */
export interface RegulationDrawTable {
  plan_id: string;
  region_code: string;
  seed_values: Json<number[][]>;
  key: string;
  result: Json<DrawResult>;
  result_digest: string;
  task_ids: Generated<string[]>;
  drawn_by: string;
  drawn_at: Timestamp;
}

/** The row types of the draws area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface DrawsTables {
  regulation_plan: RegulationPlanTable;
  regulation_plan_candidate: RegulationPlanCandidateTable;
  regulation_plan_inspector: RegulationPlanInspectorTable;
  regulation_plan_avoidance: RegulationPlanAvoidanceTable;
  regulation_draw: RegulationDrawTable;
}

export const drawsDb = (ex: Executor) => tablesOf<DrawsTables>(ex);
