import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';

export type CommentState = 'pending' | 'published' | 'hidden';
export type DemandState = 'submitted' | 'accepted' | 'opened' | 'declined';
export type AppKind = 'web' | 'app' | 'miniprogram' | 'research';
export type AppState = 'pending' | 'published' | 'rejected';
export type ProductState = 'listed' | 'withdrawn';

/** One account's 1–5 star rating of a dataset (changeable; one per account and dataset). */
export interface OpendataRatingTable {
  dataset_id: string;
  account_id: string;
  region_code: string;
  stars: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A comment on a dataset: seen by the public only once the bureau published it. */
export interface OpendataCommentTable {
  id: string;
  dataset_id: string;
  region_code: string;
  author_id: string;
  author_name: string;
  body: string;
  state: CommentState;
  hidden_reason: string | null;
  reply: string | null;
  replied_at: Timestamp | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 数据需求: data someone asks to be opened, and the bureau's answer. */
export interface OpendataDemandTable {
  id: string;
  region_code: string;
  title: string;
  description: string;
  data_wanted: string;
  purpose: string;
  department_id: string | null;
  author_id: string;
  author_name: string;
  state: DemandState;
  planned_date: string | null;
  dataset_id: string | null;
  reason: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  due_at: Timestamp;
  votes: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpendataDemandVoteTable {
  demand_id: string;
  account_id: string;
  created_at: Timestamp;
}

/** 应用展示: an app built on open data, listed after review. */
export interface OpendataAppTable {
  id: string;
  region_code: string;
  name: string;
  description: string;
  url: string;
  kind: AppKind;
  dataset_ids: string[];
  developer: string;
  submitted_by: string;
  state: AppState;
  reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One product or service of a 授权运营 product's 产品和服务清单. */
export interface ProductService {
  name: string;
  description: string;
}

/** 授权运营: a data product an authorised operator builds on public data, as the bureau discloses it. */
export interface OpendataProductTable {
  id: string;
  region_code: string;
  name: string;
  description: string;
  implementer: string;
  operator: string;
  dataset_ids: string[];
  services: Json<ProductService[]>;
  pricing: string;
  valid_from: string;
  valid_to: string;
  terms: string;
  url: string | null;
  state: ProductState;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of the community area (kept equal to its migrations by src/modules/tables.test.ts). */
export interface CommunityTables {
  opendata_rating: OpendataRatingTable;
  opendata_comment: OpendataCommentTable;
  opendata_demand: OpendataDemandTable;
  opendata_demand_vote: OpendataDemandVoteTable;
  opendata_app: OpendataAppTable;
  opendata_product: OpendataProductTable;
}

export const communityDb = (ex: Executor) => tablesOf<CommunityTables>(ex);
