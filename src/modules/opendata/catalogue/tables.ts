import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { DatasetItem } from '../ports.ts';

/** A dataset of the open catalogue as stored. */
export interface OpendataDatasetTable {
  id: string;
  name: string;
  resource_code: string;
  region_code: string;
  title: string;
  title_en: Generated<string>;
  notes: Generated<string>;
  notes_en: Generated<string>;
  department_id: string;
  open_type: 'open' | 'conditional';
  open_basis: string | null;
  theme: string;
  tags: Generated<string[]>;
  licence: string;
  frequency: string;
  temporal_from: string | null;
  temporal_to: string | null;
  spatial: string;
  items: Json<DatasetItem[]>;
  formats: Generated<string[]>;
  state: 'draft' | 'published' | 'withdrawn';
  withdrawn_by: 'bureau' | 'sync' | null;
  withdrawn_reason: string | null;
  source_version: number;
  row_count: number | null;
  published_at: Timestamp | null;
  catalogued_at: Timestamp;
  created_at: Timestamp;
  modified_at: Timestamp;
  version: Generated<number>;
}

/** Views of a dataset page per day (China Standard Time date). */
export interface OpendataDatasetViewTable {
  dataset_id: string;
  day: string;
  views: Generated<number>;
}

/** A region's 开放责任清单 setting. */
export interface OpendataCatalogueSettingTable {
  region_code: string;
  late_days: number;
  updated_at: Timestamp;
}

/** Tables of the catalogue area (kept equal to its migrations by src/modules/tables.test.ts). */
export interface CatalogueTables {
  opendata_dataset: OpendataDatasetTable;
  opendata_dataset_view: OpendataDatasetViewTable;
  opendata_catalogue_setting: OpendataCatalogueSettingTable;
}

export const catalogueDb = (ex: Executor) => tablesOf<CatalogueTables>(ex);
