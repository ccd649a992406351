import type { Generated } from 'kysely';
import { tablesOf, type Json, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { Geometry } from 'geojson';
import type { Area } from './grids.ts';

/*
 * The row types of the cityops module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface CityopsAlarmTable {
  id: string;
  region_code: string;
  device_id: string;
  rule_id: string;
  opened_at: Timestamp;
  cleared_at: Timestamp | null;
  first_value: number;
  peak_value: number;
  readings: Generated<number>;
}

export interface CityopsDeviceTable {
  id: string;
  region_code: string;
  kind: string;
  name: string;
  lon: number;
  lat: number;
  street_code: string | null;
  grid_code: string | null;
  key_index: string;
  active: Generated<boolean>;
  last_seen_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CityopsGridTable {
  code: string;
  region_code: string;
  kind: 'street' | 'grid';
  name: string;
  parent_code: string | null;
  department_id: string | null;
  geometry: Json<Area>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CityopsReadingTable {
  id: string;
  region_code: string;
  device_id: string;
  metric: string;
  value: number;
  at: Timestamp;
  received_at: Timestamp;
}

export interface CityopsRuleTable {
  id: string;
  region_code: string;
  device_kind: string;
  metric: string;
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  category_code: string;
  urgency: string;
  name: string;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CityopsLayerTable {
  id: string;
  region_code: string;
  kind: 'road' | 'river' | 'poi';
  name: string;
  category: string | null;
  geometry: Json<Geometry>;
  updated_at: Timestamp;
}

export interface CityopsAddressTable {
  id: string;
  region_code: string;
  street_code: string;
  community: string | null;
  road: string;
  house_number: string;
  building: string | null;
  full_text: string;
  search_text: string;
  lon: number;
  lat: number;
  grid_code: string | null;
  updated_at: Timestamp;
}

/** Every table the cityops module owns, by name. */
export interface CityopsTables {
  cityops_address: CityopsAddressTable;
  cityops_alarm: CityopsAlarmTable;
  cityops_device: CityopsDeviceTable;
  cityops_grid: CityopsGridTable;
  cityops_layer: CityopsLayerTable;
  cityops_reading: CityopsReadingTable;
  cityops_rule: CityopsRuleTable;
}

/** The shared handle, typed with the cityops tables (queries are checked against their columns). */
export const cityopsDb = (ex: Executor) => tablesOf<CityopsTables>(ex);
