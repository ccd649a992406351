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
];
