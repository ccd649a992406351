import type { Generated } from 'kysely';
import { tablesOf, type DefaultedJson, type Json, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { PolicyDefinition, StopReason } from './schema.ts';

/*
 * The row types of the proactive module's tables, as its migrations create them.
 * src/modules/tables.test.ts keeps them equal to what the migrations create.
 */

export interface ProactivePolicyTable {
  id: string;
  code: string;
  region_code: string;
  department_id: string;
  name: string;
  name_en: string;
  mode: 'automatic' | 'application';
  subject: 'person' | 'entity';
  draft_version_id: string | null;
  published_version_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProactivePolicyVersionTable {
  id: string;
  policy_id: string;
  version: number;
  definition: Json<PolicyDefinition>;
  state: 'draft' | 'published' | 'superseded';
  created_by: string;
  created_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
}

export interface ProactiveRunTable {
  id: string;
  policy_id: string;
  version_id: string;
  region_code: string;
  trigger: string;
  as_of: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  duration_ms: number;
  population: number;
  matched: number;
  newly_eligible: number;
  stopped: number;
  notified: number;
  started_by: string;
}

export type BenefitState = 'offered' | 'confirmed' | 'declined' | 'paid' | 'stopped';

export interface ProactiveBenefitTable {
  id: string;
  policy_id: string;
  version_id: string;
  region_code: string;
  subject: 'person' | 'entity';
  subject_key: string;
  subject_region: string;
  name_masked: string;
  id_masked: string;
  state: BenefitState;
  amount_fen: number | null;
  run_id: string | null;
  stop_run_id: string | null;
  account_enc: string | null;
  account_masked: string | null;
  decline_reason: string | null;
  stop_reason: Json<StopReason> | null;
  notified: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProactiveBenefitActionTable {
  id: string;
  benefit_id: string;
  region_code: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_type: string;
  actor_name: string;
  actor_roles: Generated<string[]>;
  department_id: string | null;
  opinion: string | null;
  attachments: Generated<string[]>;
  due_at: Timestamp | null;
  payload: DefaultedJson<Record<string, unknown>>;
  at: Timestamp;
}

export type MatchState = 'matched' | 'applied' | 'granted' | 'withdrawn';

export interface ProactiveMatchTable {
  id: string;
  policy_id: string;
  version_id: string;
  region_code: string;
  subject: 'person' | 'entity';
  subject_key: string;
  name_masked: string;
  id_masked: string;
  state: MatchState;
  notified: Generated<boolean>;
  application_id: string | null;
  run_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProactivePaymentTable {
  id: string;
  policy_id: string;
  region_code: string;
  period: string;
  benefits: number;
  total_fen: number;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ProactivePaymentLineTable {
  payment_id: string;
  benefit_id: string;
  amount_fen: number;
}

/** Every table the proactive module owns, by name. */
export interface ProactiveTables {
  proactive_benefit: ProactiveBenefitTable;
  proactive_benefit_action: ProactiveBenefitActionTable;
  proactive_match: ProactiveMatchTable;
  proactive_payment: ProactivePaymentTable;
  proactive_payment_line: ProactivePaymentLineTable;
  proactive_policy: ProactivePolicyTable;
  proactive_policy_version: ProactivePolicyVersionTable;
  proactive_run: ProactiveRunTable;
}

export const proactiveDb = (ex: Executor) => tablesOf<ProactiveTables>(ex);
