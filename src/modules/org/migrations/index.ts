import type { Migration } from '../../../kernel/db/migrate.ts';

export const orgMigrations: Migration[] = [
  {
    name: '0100_org_base',
    sql: `
      CREATE TABLE org_region (
        code text PRIMARY KEY,
        name text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code text REFERENCES org_region (code),
        active boolean NOT NULL DEFAULT true
      );
      CREATE INDEX org_region_parent ON org_region (parent_code, code);
      CREATE TABLE org_department (
        id uuid PRIMARY KEY,
        region_code text NOT NULL REFERENCES org_region (code),
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        parent_id uuid REFERENCES org_department (id),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, code)
      );
      CREATE INDEX org_department_region ON org_department (region_code, name, id);
      CREATE TABLE org_post (
        id uuid PRIMARY KEY,
        department_id uuid NOT NULL REFERENCES org_department (id),
        name text NOT NULL,
        role_codes text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        UNIQUE (department_id, name)
      );
      CREATE TABLE org_staff (
        id uuid PRIMARY KEY,
        region_code text NOT NULL REFERENCES org_region (code),
        department_id uuid NOT NULL REFERENCES org_department (id),
        post_id uuid REFERENCES org_post (id),
        name text NOT NULL,
        employee_no text NOT NULL,
        phone_enc text,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, employee_no)
      );
      CREATE INDEX org_staff_department ON org_staff (region_code, department_id, name, id);
    `,
  },
];
