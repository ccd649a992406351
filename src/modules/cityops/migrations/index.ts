import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 一网统管 grids: street boundaries and the grids inside them, as GeoJSON with their bounding boxes
 * so a point can be placed without PostGIS (the index is built in memory with rbush). Each street
 * names the office (department) responsible for it.
 */
export const cityopsMigrations: Migration[] = [
  {
    name: '0400_cityops_grids',
    sql: `
      CREATE TABLE cityops_grid (
        code text PRIMARY KEY,
        region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('street', 'grid')),
        name text NOT NULL,
        parent_code text REFERENCES cityops_grid (code),
        department_id uuid,
        geometry jsonb NOT NULL,
        min_lon double precision NOT NULL,
        min_lat double precision NOT NULL,
        max_lon double precision NOT NULL,
        max_lat double precision NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cityops_grid_region ON cityops_grid (region_code, kind, code);
    `,
  },
  {
    name: '0401_cityops_devices',
    sql: `
      CREATE TABLE cityops_device (
        id text PRIMARY KEY,
        region_code text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        lon double precision NOT NULL,
        lat double precision NOT NULL,
        street_code text,
        grid_code text,
        key_index text NOT NULL UNIQUE,
        active boolean NOT NULL DEFAULT true,
        last_seen_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE cityops_rule (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        device_kind text NOT NULL,
        metric text NOT NULL,
        op text NOT NULL CHECK (op IN ('>', '>=', '<', '<=')),
        threshold double precision NOT NULL,
        category_code text NOT NULL,
        urgency text NOT NULL,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, device_kind, metric, op)
      );
      CREATE TABLE cityops_reading (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        device_id text NOT NULL REFERENCES cityops_device (id),
        metric text NOT NULL,
        value double precision NOT NULL,
        at timestamptz NOT NULL,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX cityops_reading_device ON cityops_reading (device_id, metric, at);
      CREATE TABLE cityops_alarm (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        device_id text NOT NULL REFERENCES cityops_device (id),
        rule_id uuid NOT NULL REFERENCES cityops_rule (id),
        opened_at timestamptz NOT NULL,
        cleared_at timestamptz,
        first_value double precision NOT NULL,
        peak_value double precision NOT NULL,
        readings integer NOT NULL DEFAULT 1
      );
      -- One open alarm per device and rule: while the condition lasts, readings add to it.
      CREATE UNIQUE INDEX cityops_alarm_open ON cityops_alarm (device_id, rule_id) WHERE cleared_at IS NULL;
    `,
  },
  {
    // The offline base map: roads and rivers (lines) and points of interest, with labels drawn from their names.
    name: '0430_cityops_layers',
    sql: `
      CREATE TABLE cityops_layer (
        id text PRIMARY KEY,
        region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('road', 'river', 'poi')),
        name text NOT NULL,
        category text,
        geometry jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cityops_layer_region ON cityops_layer (region_code, kind, id);
    `,
  },
  {
    // 标准地址库: the region's standard addresses, each placed in its street and grid when saved.
    name: '0431_cityops_addresses',
    sql: `
      CREATE TABLE cityops_address (
        id text PRIMARY KEY,
        region_code text NOT NULL,
        street_code text NOT NULL,
        community text,
        road text NOT NULL,
        house_number text NOT NULL,
        building text,
        full_text text NOT NULL,
        search_text text NOT NULL,
        lon double precision NOT NULL,
        lat double precision NOT NULL,
        grid_code text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cityops_address_region ON cityops_address (region_code, road, id);
    `,
  },
];
